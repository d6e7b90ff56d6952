package com.humanchat.ops;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * How a consumer loop waits — for work running on other threads, or before retrying a batch — without leaving its
 * group: every assigned partition is paused and the consumer keeps polling, so {@code max.poll.interval.ms} never
 * passes, it keeps its partitions and it fetches nothing new. A record that still arrives (from a partition assigned
 * during the wait) is rewound and its partition paused, so it is fetched again afterwards. Fetching resumes when the
 * wait ends. The poll thread is the only one that may call this (a Kafka consumer is single-threaded).
 */
public final class PausedPolling {

    private PausedPolling() {}

    /**
     * Polls with every partition paused until {@code done} says so, at most {@code slice} per poll (so {@code done} is
     * seen that late at worst); {@code afterPoll} runs after each poll (a heartbeat, a lag gauge). A
     * {@link org.apache.kafka.common.errors.WakeupException} from {@code consumer.wakeup()} ends the wait by
     * propagating.
     */
    public static <K, V> void pollUntil(
            Consumer<K, V> consumer, BooleanSupplier done, Duration slice, Runnable afterPoll) {
        consumer.pause(consumer.assignment());
        try {
            while (!done.getAsBoolean()) {
                ConsumerRecords<K, V> unexpected = consumer.poll(slice);
                for (TopicPartition partition : unexpected.partitions()) {
                    List<ConsumerRecord<K, V>> fetched = unexpected.records(partition);
                    consumer.seek(partition, fetched.getFirst().offset());
                    consumer.pause(List.of(partition));
                }
                afterPoll.run();
            }
        } finally {
            consumer.resume(consumer.paused());
        }
    }
}
