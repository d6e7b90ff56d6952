package com.humanchat.streams.projector;

import com.humanchat.schemas.ProducerSettings;
import com.humanchat.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends records the projector cannot project to {@code <topic>.dlq}, byte for byte with their original key and headers,
 * plus headers saying why and where they came from; a send counts only once the broker acknowledged it.
 */
final class DeadLetters implements AutoCloseable {

    // The headers Kafka Streams' own dead-letter handlers write (and the topologies of this module use), so that one
    // reader understands every letter on a .dlq topic; chat.events.dlq gets letters from the unread topology too.
    static final String EXCEPTION = "__streams.errors.exception";
    static final String REASON = "__streams.errors.message";
    static final String SOURCE_TOPIC = "__streams.errors.topic";
    static final String SOURCE_PARTITION = "__streams.errors.partition";
    static final String SOURCE_OFFSET = "__streams.errors.offset";
    /** Which consumer gave up on the record: the projector's consumer group. */
    static final String CONSUMER_GROUP = "humanchat.dlq.consumer-group";

    private static final long SEND_TIMEOUT_SECONDS = 30;
    private static final int MAX_REASON_LENGTH = 2_000;

    /** One letter to send: the record and why it is dead. */
    record Letter(ConsumerRecord<byte[], byte[]> record, String reason, Throwable cause) {}

    private final Producer<byte[], byte[]> producer;
    private final String groupId;

    DeadLetters(String bootstrapServers, String groupId) {
        this.groupId = groupId;
        this.producer = new KafkaProducer<>(
                ProducerSettings.reliable(bootstrapServers, groupId + "-dlq"),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    /**
     * Sends every letter and waits until the broker has them all.
     *
     * @throws DeadLetterException if one could not be sent; the caller retries later and commits no offset meanwhile
     */
    void sendAll(List<Letter> letters) throws DeadLetterException {
        List<Future<RecordMetadata>> sends = new ArrayList<>(letters.size());
        try {
            for (Letter letter : letters) {
                ConsumerRecord<byte[], byte[]> record = letter.record();
                ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(
                        Topics.deadLetterOf(record.topic()),
                        null,
                        record.timestamp(),
                        record.key(),
                        record.value(),
                        headers(letter));
                sends.add(producer.send(dead));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterException("interrupted while sending to the dead-letter topic", e);
        } catch (ExecutionException e) {
            throw new DeadLetterException("could not send to the dead-letter topic: " + e.getCause(), e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw new DeadLetterException("could not send to the dead-letter topic: " + e, e);
        }
    }

    private Headers headers(Letter letter) {
        ConsumerRecord<byte[], byte[]> record = letter.record();
        Headers headers = new RecordHeaders(record.headers().toArray());
        String reason = letter.reason() == null ? "unknown" : letter.reason();
        if (reason.length() > MAX_REASON_LENGTH) {
            reason = reason.substring(0, MAX_REASON_LENGTH) + "…";
        }
        headers.add(REASON, utf8(reason));
        if (letter.cause() != null) {
            headers.add(EXCEPTION, utf8(letter.cause().getClass().getName()));
        }
        headers.add(SOURCE_TOPIC, utf8(record.topic()));
        headers.add(SOURCE_PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(SOURCE_OFFSET, utf8(Long.toString(record.offset())));
        headers.add(CONSUMER_GROUP, utf8(groupId));
        return headers;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** A dead letter could not be delivered. */
    static final class DeadLetterException extends Exception {
        private static final long serialVersionUID = 1L;

        DeadLetterException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
