package com.humanchat.sam;

import com.humanchat.sam.config.SamWorkerConfig;
import com.humanchat.sam.domain.ActionValidator;
import com.humanchat.sam.domain.HostFacts;
import com.humanchat.sam.domain.ModelAnswer;
import com.humanchat.sam.domain.ModelTurn;
import com.humanchat.sam.domain.ValidatedActions;
import com.humanchat.sam.gemini.GeminiConcierge;
import com.humanchat.sam.gemini.ModelCallFailed;
import com.humanchat.sam.kafka.ReplyProducer;
import com.humanchat.sam.tools.LiveData;
import com.humanchat.schemas.sam.SamOutcome;
import com.humanchat.schemas.sam.SamReplied;
import com.humanchat.schemas.sam.SamRequested;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one request, start to end, on a virtual thread, with Sam typing in the conversation meanwhile: history, the
 * model (or "not configured"), a tolerant reading of what it said (an apology when nothing usable came), validation of
 * every proposed action against its schema and live data, then the reply; a request the model cannot answer after its
 * retries goes to {@code sam.requests.dlq} and the user gets an apology instead. Returns once the reply is produced.
 */
final class SamResponder {

    static final String NOT_CONFIGURED =
            "Sam is not configured yet: the operator has not set a Gemini API key. You can still find hosts in Discover.";
    static final String APOLOGY =
            "Sorry, I could not answer just now: the assistant service is overloaded. Please ask me again in a minute.";
    private static final Logger LOG = LoggerFactory.getLogger(SamResponder.class);
    private static final long LIVE_DATA_TIMEOUT_SECONDS = 10;

    private final SamWorkerConfig config;
    private final LiveData live;
    private final GeminiConcierge concierge;
    private final ReplyProducer replies;
    private final SamMetrics metrics;
    private final SamTyping typing;

    /** @param concierge null when no Gemini key is configured */
    SamResponder(
            SamWorkerConfig config,
            LiveData live,
            GeminiConcierge concierge,
            ReplyProducer replies,
            SamMetrics metrics,
            SamTyping typing) {
        this.config = config;
        this.live = live;
        this.concierge = concierge;
        this.replies = replies;
        this.metrics = metrics;
        this.typing = typing;
    }

    void answer(ConsumerRecord<String, byte[]> record, SamRequested request) throws Exception {
        if (concierge == null) {
            send(record, request, SamReplied.of(request, NOT_CONFIGURED, List.of(), SamOutcome.NOT_CONFIGURED));
            return;
        }
        try (AutoCloseable working = typing.start(request.conversationId())) {
            answerWithModel(record, request);
        }
    }

    private void answerWithModel(ConsumerRecord<String, byte[]> record, SamRequested request) throws Exception {
        List<LiveData.Turn> history =
                await(live.history(request.conversationId(), config.historyTurns(), request.askClientMessageId()));
        ModelTurn said;
        try {
            said = concierge.converse(history, request.message());
        } catch (ModelCallFailed failed) {
            LOG.warn("request {} given up on: {}", request.requestId(), failed.getMessage());
            replies.deadLetter(record, failed.getMessage(), failed.retryable() ? config.maxAttempts() : 1);
            metrics.deadLettered();
            send(record, request, SamReplied.of(request, APOLOGY, List.of(), SamOutcome.FAILED));
            return;
        }
        ModelAnswer answer = ModelAnswer.read(said);
        if (answer.apology()) {
            LOG.info(
                    "request {}: nothing usable from the model (finish {}, block {})",
                    request.requestId(),
                    said.finishReason(),
                    said.blockReason());
        }
        Map<UUID, HostFacts> facts = answer.apology()
                ? Map.of()
                : await(live.hostFacts(ActionValidator.hostIdsIn(answer.actions()), request.userId()));
        send(record, request, replied(request, answer, facts, Instant.now()));
    }

    /**
     * What Sam answers to {@code request}, given what the model said and the live facts of the hosts it names: the
     * apology when nothing usable came, else the reply with the actions that passed validation and a plain note about
     * each part left out.
     */
    static SamReplied replied(SamRequested request, ModelAnswer answer, Map<UUID, HostFacts> facts, Instant now) {
        if (answer.apology()) {
            return SamReplied.of(request, answer.reply(), List.of(), SamOutcome.UNUSABLE);
        }
        ValidatedActions actions =
                ActionValidator.validate(answer.actions(), facts, request.userId(), now, request.requestId());
        List<String> dropped = new ArrayList<>(answer.leftOut());
        dropped.addAll(actions.dropped());
        SamOutcome outcome = dropped.isEmpty() ? SamOutcome.ANSWERED : SamOutcome.DROPPED_ACTIONS;
        return SamReplied.of(request, ModelAnswer.withDroppedNote(answer.reply(), dropped), actions.kept(), outcome);
    }

    /** A request that cannot be read at all: dead-lettered, nobody to answer. */
    void unreadable(ConsumerRecord<String, byte[]> record, String reason) throws Exception {
        replies.deadLetter(record, reason, 0);
        metrics.deadLettered();
    }

    private void send(ConsumerRecord<String, byte[]> record, SamRequested request, SamReplied replied)
            throws InterruptedException, ExecutionException {
        replies.reply(record, request, replied);
        metrics.replied(replied.outcome());
    }

    private static <T> T await(Future<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        return future.toCompletionStage().toCompletableFuture().get(LIVE_DATA_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
