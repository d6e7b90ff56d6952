package com.humanchat.sam;

import com.humanchat.sam.config.SamWorkerConfig;
import com.humanchat.sam.domain.ActionValidator;
import com.humanchat.sam.domain.ModelAnswer;
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
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one request, start to end, on a virtual thread: history, the model (or "not configured"), validation of
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

    /** @param concierge null when no Gemini key is configured */
    SamResponder(
            SamWorkerConfig config,
            LiveData live,
            GeminiConcierge concierge,
            ReplyProducer replies,
            SamMetrics metrics) {
        this.config = config;
        this.live = live;
        this.concierge = concierge;
        this.replies = replies;
        this.metrics = metrics;
    }

    void answer(ConsumerRecord<String, byte[]> record, SamRequested request) throws Exception {
        if (concierge == null) {
            send(record, request, SamReplied.of(request, NOT_CONFIGURED, List.of(), SamOutcome.NOT_CONFIGURED));
            return;
        }
        List<LiveData.Turn> history =
                await(live.history(request.conversationId(), config.historyTurns(), request.askClientMessageId()));
        String said;
        try {
            said = concierge.converse(history, request.message());
        } catch (ModelCallFailed failed) {
            LOG.warn("request {} given up on: {}", request.requestId(), failed.getMessage());
            replies.deadLetter(record, failed.getMessage(), failed.retryable() ? config.maxAttempts() : 1);
            metrics.deadLettered();
            send(record, request, SamReplied.of(request, APOLOGY, List.of(), SamOutcome.FAILED));
            return;
        }
        ModelAnswer answer = ModelAnswer.parse(said);
        ValidatedActions actions = ActionValidator.validate(
                answer.actions(),
                await(live.hostFacts(ActionValidator.hostIdsIn(answer.actions()))),
                request.userId(),
                Instant.now());
        List<String> dropped = answer.unreadable() ? List.of("an answer that was not valid JSON") : actions.dropped();
        SamOutcome outcome = dropped.isEmpty() ? SamOutcome.ANSWERED : SamOutcome.DROPPED_ACTIONS;
        send(
                record,
                request,
                SamReplied.of(request, ModelAnswer.withDroppedNote(answer.reply(), dropped), actions.kept(), outcome));
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
