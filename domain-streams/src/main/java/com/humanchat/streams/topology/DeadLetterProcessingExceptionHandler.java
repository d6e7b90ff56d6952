package com.humanchat.streams.topology;

import com.humanchat.ops.TraceMdc;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record whose processing throws goes to the dead-letter topic ({@code errors.dead.letter.queue.topic.name}) as its
 * original bytes, with the reason in the same headers Kafka Streams' own handlers write, and processing continues.
 * Failures of Streams itself (a store or producer failing, a {@link StreamsException}) are not the record's fault:
 * they fail the thread, which is replaced and retries the record.
 */
public final class DeadLetterProcessingExceptionHandler implements ProcessingExceptionHandler {

    public static final String HEADER_EXCEPTION = "__streams.errors.exception";
    public static final String HEADER_MESSAGE = "__streams.errors.message";
    public static final String HEADER_STACKTRACE = "__streams.errors.stacktrace";
    public static final String HEADER_TOPIC = "__streams.errors.topic";
    public static final String HEADER_PARTITION = "__streams.errors.partition";
    public static final String HEADER_OFFSET = "__streams.errors.offset";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingExceptionHandler.class);

    private String deadLetterTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        deadLetterTopic = topic == null ? null : topic.toString();
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        try (TraceMdc.Scope trace = TraceMdc.of(context.headers())) {
            return handle(context, exception);
        }
    }

    private Response handle(ErrorHandlerContext context, Exception exception) {
        if (exception instanceof StreamsException) {
            LOG.error(
                    "Streams failure processing {}-{}@{}; failing the thread",
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    exception);
            return Response.fail();
        }
        if (exception instanceof PoisonRecordException) {
            LOG.warn(
                    "Poison record {}-{}@{}: {}; sent to {}",
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    exception.getMessage(),
                    deadLetterTopic);
        } else {
            LOG.error(
                    "Processing {}-{}@{} failed; record sent to {}",
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    deadLetterTopic,
                    exception);
        }
        if (deadLetterTopic == null || context.topic() == null) {
            // no dead-letter topic configured, or a punctuation failed: there is no input record to keep
            return Response.resume();
        }
        return Response.resume(List.of(deadLetter(context, exception)));
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, Exception exception) {
        Headers headers = new RecordHeaders(context.headers().toArray());
        headers.add(HEADER_EXCEPTION, utf8(exception.getClass().getName()));
        headers.add(HEADER_MESSAGE, utf8(String.valueOf(exception.getMessage())));
        headers.add(HEADER_STACKTRACE, utf8(stackTrace(exception)));
        headers.add(HEADER_TOPIC, utf8(context.topic()));
        headers.add(HEADER_PARTITION, utf8(Integer.toString(context.partition())));
        headers.add(HEADER_OFFSET, utf8(Long.toString(context.offset())));
        return new ProducerRecord<>(
                deadLetterTopic, null, context.timestamp(), context.sourceRawKey(), context.sourceRawValue(), headers);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String stackTrace(Exception exception) {
        StringWriter out = new StringWriter();
        exception.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
