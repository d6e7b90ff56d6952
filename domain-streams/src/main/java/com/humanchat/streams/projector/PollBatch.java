package com.humanchat.streams.projector;

import com.humanchat.schemas.Envelope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The records of one poll until their offsets are committed: each either an event to project or a dead record to send
 * to the dead-letter topic. Kept across retries, so a retry projects exactly the same records.
 */
final class PollBatch {

    /** One record; {@code event} is null once the record is known to be dead. */
    static final class Entry {
        final ConsumerRecord<byte[], byte[]> record;
        Envelope event;
        String deadReason;
        Throwable deadCause;
        boolean deadLetterSent;

        Entry(ConsumerRecord<byte[], byte[]> record) {
            this.record = record;
        }

        boolean isDead() {
            return deadReason != null;
        }

        void markDead(String reason, Throwable cause) {
            this.event = null;
            this.deadReason = reason;
            this.deadCause = cause;
        }
    }

    private final List<Entry> entries;

    private PollBatch(List<Entry> entries) {
        this.entries = entries;
    }

    static PollBatch decode(ConsumerRecords<byte[], byte[]> records, RecordDecoder decoder) {
        List<Entry> entries = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Entry entry = new Entry(record);
            try {
                entry.event = decoder.decode(record);
            } catch (RecordDecoder.UnreadableRecordException e) {
                entry.markDead(e.getMessage(), e.getCause() != null ? e.getCause() : e);
            }
            entries.add(entry);
        }
        return new PollBatch(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    /** The records still to project, in poll order (which is log order per partition). */
    List<Entry> projectable() {
        return entries.stream().filter(entry -> !entry.isDead()).toList();
    }

    List<Entry> deadLettersToSend() {
        return entries.stream()
                .filter(entry -> entry.isDead() && !entry.deadLetterSent)
                .toList();
    }

    /** Forgets the records of partitions this consumer no longer owns: their new owner projects them. */
    void drop(Collection<TopicPartition> partitions) {
        entries.removeIf(entry -> partitions.contains(partitionOf(entry.record)));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    int size() {
        return entries.size();
    }

    /** Per partition, the offset after its last record: what to commit once the batch is projected. */
    Map<TopicPartition, OffsetAndMetadata> nextOffsets() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (Entry entry : entries) {
            ConsumerRecord<byte[], byte[]> record = entry.record;
            offsets.merge(
                    partitionOf(record),
                    new OffsetAndMetadata(record.offset() + 1, record.leaderEpoch(), ""),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return offsets;
    }

    /** Per partition, the offset of its first record: where to resume if the batch is given up. */
    Map<TopicPartition, Long> firstOffsets() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (Entry entry : entries) {
            offsets.merge(partitionOf(entry.record), entry.record.offset(), Math::min);
        }
        return offsets;
    }

    static TopicPartition partitionOf(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }
}
