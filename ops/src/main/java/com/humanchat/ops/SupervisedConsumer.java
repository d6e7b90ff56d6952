package com.humanchat.ops;

import com.humanchat.schemas.ConsumerSettings;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's consumer loop that outlives its consumer: it subscribes, polls while the worker runs and hands each
 * non-empty poll to the worker's handler, which processes the records and commits what it finished. A consumer that
 * fails (a commit refused after a rebalance, a record that could not be dead-lettered) is closed without committing
 * and replaced after a backoff (100 ms doubling to 5 s): its uncommitted records are processed again, which the worker
 * must make harmless. The loop ends only when the worker stops running; {@link #wakeup()} ends a poll that waits. Its
 * {@link LoopHeartbeat} beats after each poll and ends with the loop, for {@code /health/live}.
 */
public final class SupervisedConsumer<K, V> implements Runnable {

    /** What the worker does with one poll's records, on the loop's thread; it commits through {@code consumer}. */
    @FunctionalInterface
    public interface BatchHandler<K, V> {
        void handle(KafkaConsumer<K, V> consumer, ConsumerRecords<K, V> batch);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SupervisedConsumer.class);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final String name;
    private final Supplier<KafkaConsumer<K, V>> newConsumer;
    private final List<String> topics;
    private final BooleanSupplier running;
    private final LoopHeartbeat heartbeat;
    private final BatchHandler<K, V> handler;
    private volatile KafkaConsumer<K, V> current;

    /**
     * @param name what the log calls this consumer ("notifier", "payments")
     * @param running the worker's own flag: false ends the loop (after {@link #wakeup()} if a poll is waiting)
     */
    public SupervisedConsumer(
            String name,
            Supplier<KafkaConsumer<K, V>> newConsumer,
            Collection<String> topics,
            BooleanSupplier running,
            LoopHeartbeat heartbeat,
            BatchHandler<K, V> handler) {
        this.name = name;
        this.newConsumer = newConsumer;
        this.topics = List.copyOf(topics);
        this.running = running;
        this.heartbeat = heartbeat;
        this.handler = handler;
    }

    @Override
    public void run() {
        Backoff restart = new Backoff(MIN_BACKOFF, MAX_BACKOFF);
        try {
            while (running.getAsBoolean()) {
                try (KafkaConsumer<K, V> created = newConsumer.get()) {
                    current = created;
                    if (!running.getAsBoolean()) {
                        break; // stopped while it was being made: wakeup() could not reach it
                    }
                    created.subscribe(topics);
                    while (running.getAsBoolean()) {
                        ConsumerRecords<K, V> batch = created.poll(ConsumerSettings.IDLE_POLL);
                        heartbeat.beat();
                        if (!batch.isEmpty()) {
                            handler.handle(created, batch);
                        }
                        restart.reset();
                    }
                } catch (WakeupException e) {
                    // wakeup(): the worker is stopping
                } catch (RuntimeException e) {
                    if (!running.getAsBoolean()) {
                        break;
                    }
                    Duration wait = restart.next();
                    LOG.error("{} consumer failed; starting a new one in {} ms", name, wait.toMillis(), e);
                    if (!pause(wait)) {
                        break;
                    }
                } finally {
                    current = null;
                }
            }
        } finally {
            heartbeat.ended();
            LOG.info("{} consumer stopped", name);
        }
    }

    /** Ends a poll that is waiting (from any thread); the loop then ends if the worker stopped running. */
    public void wakeup() {
        KafkaConsumer<K, V> consumer = current;
        if (consumer != null) {
            consumer.wakeup();
        }
    }

    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
