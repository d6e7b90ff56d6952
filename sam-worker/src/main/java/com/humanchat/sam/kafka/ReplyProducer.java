package com.humanchat.sam.kafka;

import com.humanchat.schemas.ProducerSettings;
import com.humanchat.schemas.SystemActors;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.TraceParent;
import com.humanchat.schemas.chat.MessageKind;
import com.humanchat.schemas.chat.SendMessage;
import com.humanchat.schemas.sam.SamReplied;
import com.humanchat.schemas.sam.SamRequested;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces Sam's answer — a {@code message.send} as {@link SystemActors#SAM} with the deterministic
 * {@code clientMessageId} {@code sam:<requestId>}, so that the conversation topology keeps only the first answer to a
 * request, then {@code sam.replied} — and dead letters. Blocking until acknowledged: call from a virtual thread.
 */
public final class ReplyProducer implements AutoCloseable {

    public static final String REASON_HEADER = "humanchat.dlq.reason";
    public static final String ATTEMPTS_HEADER = "humanchat.dlq.attempts";
    public static final String GROUP_HEADER = "humanchat.dlq.consumer-group";

    private final KafkaProducer<String, byte[]> producer;
    private final String groupId;

    public ReplyProducer(String bootstrapServers, String groupId) {
        this.groupId = groupId;
        this.producer = new KafkaProducer<>(
                ProducerSettings.reliable(bootstrapServers, groupId + "-replies-" + UUID.randomUUID()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /**
     * Sends the answer to {@code cause} (the {@code sam.requests} record) into the conversation and on
     * {@code sam.actions}, both with the trace id the request carries; returns once both are acknowledged.
     */
    public void reply(ConsumerRecord<String, byte[]> cause, SamRequested request, SamReplied replied)
            throws InterruptedException, ExecutionException {
        SendMessage message = new SendMessage(
                UUID.randomUUID(),
                1,
                Instant.now(),
                request.conversationId(),
                SystemActors.SAM,
                request.replyClientMessageId(),
                replied.reply(),
                MessageKind.SAM,
                replied.actions());
        String key = request.conversationId().toString();
        var sent = producer.send(traced(
                cause,
                new ProducerRecord<>(
                        Topics.CHAT_COMMANDS.name(),
                        key,
                        Topics.CHAT_COMMANDS
                                .valueSerde()
                                .serializer()
                                .serialize(Topics.CHAT_COMMANDS.name(), message))));
        var published = producer.send(traced(
                cause,
                new ProducerRecord<>(
                        Topics.SAM_ACTIONS.name(),
                        key,
                        Topics.SAM_ACTIONS.valueSerde().serializer().serialize(Topics.SAM_ACTIONS.name(), replied))));
        sent.get();
        published.get();
    }

    private static ProducerRecord<String, byte[]> traced(
            ConsumerRecord<String, byte[]> cause, ProducerRecord<String, byte[]> record) {
        TraceParent.traceIdOf(cause.headers()).ifPresent(traceId -> TraceParent.set(record.headers(), traceId));
        return record;
    }

    /** Sends the request, byte for byte, to {@code sam.requests.dlq} with why it was given up on. */
    public void deadLetter(ConsumerRecord<String, byte[]> record, String reason, int attempts)
            throws InterruptedException, ExecutionException {
        ProducerRecord<String, byte[]> letter =
                new ProducerRecord<>(Topics.deadLetterOf(record.topic()), record.key(), record.value());
        record.headers().forEach(header -> letter.headers().add(header));
        letter.headers()
                .add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8))
                .add(ATTEMPTS_HEADER, Integer.toString(attempts).getBytes(StandardCharsets.UTF_8))
                .add(GROUP_HEADER, groupId.getBytes(StandardCharsets.UTF_8));
        producer.send(letter).get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
