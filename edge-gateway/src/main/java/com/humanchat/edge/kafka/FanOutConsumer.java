package com.humanchat.edge.kafka;

import com.humanchat.schemas.ConsumerSettings;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.admin.AnnouncementPublished;
import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.UnreadEvent;
import com.humanchat.schemas.payments.PaymentEvent;
import com.humanchat.schemas.requests.RequestEvent;
import com.humanchat.schemas.rtc.RtcSignal;
import com.humanchat.schemas.safety.SafetyEvent;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.users.UserEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of the topics clients are pushed from ({@code chat.events}, {@code chat.unread},
 * {@code sessions.events}, {@code requests.events}, {@code rtc.signals}, {@code payments.events}, {@code users.events},
 * {@code users.safety},
 * {@code admin.announcements}) on one dedicated
 * thread, without a consumer group (each replica sees every event), starting at the end: what a replica missed is
 * recovered by clients over REST, never by replaying Kafka. Unreadable records are counted and skipped; the listener runs on this thread and
 * must hand work to event loops, never block.
 */
public final class FanOutConsumer implements AutoCloseable {

    /** Receives each readable record, in partition order, on the consumer thread. */
    public interface Listener {
        void onChatEvent(ChatEvent event);

        void onUnreadEvent(UnreadEvent event);

        void onSessionEvent(SessionEvent event);

        void onRequestEvent(RequestEvent event);

        void onRtcSignal(RtcSignal signal);

        void onPaymentEvent(PaymentEvent event);

        void onUserEvent(UserEvent event);

        void onSafetyEvent(SafetyEvent event);

        void onAnnouncement(AnnouncementPublished announcement);
    }

    private static final Logger LOG = LoggerFactory.getLogger(FanOutConsumer.class);
    /** Records end the wait at once and a stop wakes the consumer: this only sets how often an idle loop runs. */
    private static final Duration RETRY_DELAY = Duration.ofMillis(500);

    private static final Duration STALL_LIMIT = Duration.ofSeconds(15);
    private static final List<String> TOPICS = List.of(
            Topics.CHAT_EVENTS.name(),
            Topics.CHAT_UNREAD.name(),
            Topics.SESSIONS_EVENTS.name(),
            Topics.REQUESTS_EVENTS.name(),
            Topics.RTC_SIGNALS.name(),
            Topics.PAYMENTS_EVENTS.name(),
            Topics.USERS_EVENTS.name(),
            Topics.USERS_SAFETY.name(),
            Topics.ADMIN_ANNOUNCEMENTS.name());

    private final Listener listener;
    private final Deserializer<ChatEvent> chatEvents =
            Topics.CHAT_EVENTS.valueSerde().deserializer();
    private final Deserializer<UnreadEvent> unreadEvents =
            Topics.CHAT_UNREAD.valueSerde().deserializer();
    private final Deserializer<SessionEvent> sessionEvents =
            Topics.SESSIONS_EVENTS.valueSerde().deserializer();
    private final Deserializer<RequestEvent> requestEvents =
            Topics.REQUESTS_EVENTS.valueSerde().deserializer();
    private final Deserializer<RtcSignal> rtcSignals =
            Topics.RTC_SIGNALS.valueSerde().deserializer();
    private final Deserializer<PaymentEvent> paymentEvents =
            Topics.PAYMENTS_EVENTS.valueSerde().deserializer();
    private final Deserializer<UserEvent> userEvents =
            Topics.USERS_EVENTS.valueSerde().deserializer();
    private final Deserializer<SafetyEvent> safetyEvents =
            Topics.USERS_SAFETY.valueSerde().deserializer();
    private final Deserializer<AnnouncementPublished> announcements =
            Topics.ADMIN_ANNOUNCEMENTS.valueSerde().deserializer();
    private final CompletableFuture<Void> assigned = new CompletableFuture<>();
    private final AtomicLong lag = new AtomicLong();
    private final Counter records;
    private final Counter unreadable;
    private final Counter listenerFailures;
    private final TopicFollower follower;
    private long nextLagNanos;

    public FanOutConsumer(String bootstrapServers, String clientId, Listener listener, MeterRegistry registry) {
        this.listener = listener;
        Map<String, Object> properties = new HashMap<>(ConsumerSettings.longPollFetch());
        properties.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG,
                clientId + "-fan-out",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "latest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                2000));
        this.records = Counter.builder("humanchat.fanout.records")
                .description("records the fan-out consumer handed to the socket registry")
                .register(registry);
        this.unreadable = Counter.builder("humanchat.fanout.records.unreadable")
                .description("records of the fan-out topics that could not be read and were skipped")
                .register(registry);
        this.listenerFailures = Counter.builder("humanchat.fanout.listener.failures")
                .description("records whose fan-out failed with an exception")
                .register(registry);
        Gauge.builder("humanchat.fanout.lag", lag, AtomicLong::get)
                .description("records of the fan-out topics not yet read by this replica's fan-out")
                .register(registry);
        Gauge.builder("humanchat.fanout.healthy", this, c -> c.isHealthy() ? 1 : 0)
                .description("1 while the fan-out consumer polls")
                .register(registry);
        this.follower = new TopicFollower(
                "fan-out", TOPICS, properties, ConsumerSettings.IDLE_POLL, RETRY_DELAY, new TopicFollower.Follow() {
                    @Override
                    public void position(KafkaConsumer<byte[], byte[]> kafka, Set<TopicPartition> added) {
                        kafka.seekToEnd(added);
                        for (TopicPartition partition : added) {
                            // resolve now: nothing produced after the start is missed
                            kafka.position(partition, Duration.ofSeconds(30));
                        }
                    }

                    @Override
                    public void record(ConsumerRecord<byte[], byte[]> record) {
                        handle(record);
                    }

                    @Override
                    public void assigned(Set<TopicPartition> all, Set<TopicPartition> added) {
                        assigned.complete(null);
                    }

                    @Override
                    public void polled(KafkaConsumer<byte[], byte[]> kafka, Set<TopicPartition> partitions) {
                        long now = System.nanoTime();
                        if (now - nextLagNanos >= 0) {
                            updateLag(kafka, partitions);
                            nextLagNanos = now + Duration.ofSeconds(1).toNanos();
                        }
                    }

                    @Override
                    public void failed(RuntimeException failure) {
                        assigned.completeExceptionally(failure);
                    }
                });
    }

    /** Starts the thread; completes once every partition is assigned and positioned at its end. */
    public CompletableFuture<Void> start() {
        follower.start();
        return assigned;
    }

    /** True while the thread runs, is assigned, and went round its poll loop within the last 15 seconds. */
    public boolean isHealthy() {
        return assigned.isDone() && follower.loopedWithin(STALL_LIMIT);
    }

    /** Records not yet read over all assigned partitions, as last measured. */
    public long lag() {
        return lag.get();
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            String topic = record.topic();
            if (topic.equals(Topics.CHAT_EVENTS.name())) {
                listener.onChatEvent(chatEvents.deserialize(topic, record.value()));
            } else if (topic.equals(Topics.CHAT_UNREAD.name())) {
                listener.onUnreadEvent(unreadEvents.deserialize(topic, record.value()));
            } else if (topic.equals(Topics.SESSIONS_EVENTS.name())) {
                listener.onSessionEvent(sessionEvents.deserialize(topic, record.value()));
            } else if (topic.equals(Topics.REQUESTS_EVENTS.name())) {
                listener.onRequestEvent(requestEvents.deserialize(topic, record.value()));
            } else if (topic.equals(Topics.PAYMENTS_EVENTS.name())) {
                listener.onPaymentEvent(paymentEvents.deserialize(topic, record.value()));
            } else if (topic.equals(Topics.USERS_EVENTS.name())) {
                listener.onUserEvent(userEvents.deserialize(topic, record.value()));
            } else if (topic.equals(Topics.USERS_SAFETY.name())) {
                listener.onSafetyEvent(safetyEvents.deserialize(topic, record.value()));
            } else if (topic.equals(Topics.ADMIN_ANNOUNCEMENTS.name())) {
                listener.onAnnouncement(announcements.deserialize(topic, record.value()));
            } else {
                listener.onRtcSignal(rtcSignals.deserialize(topic, record.value()));
            }
            records.increment();
        } catch (SerializationException e) {
            unreadable.increment();
            LOG.warn(
                    "fan-out: skipped unreadable record {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
        } catch (RuntimeException e) {
            listenerFailures.increment();
            LOG.warn("fan-out: record {}-{}@{} failed", record.topic(), record.partition(), record.offset(), e);
        }
    }

    private void updateLag(KafkaConsumer<byte[], byte[]> kafka, Set<TopicPartition> partitions) {
        long total = 0;
        for (TopicPartition partition : partitions) {
            OptionalLong partitionLag = kafka.currentLag(partition);
            if (partitionLag.isPresent()) {
                total += partitionLag.getAsLong();
            }
        }
        lag.set(total);
    }

    @Override
    public void close() {
        follower.close();
        assigned.completeExceptionally(new IllegalStateException("fan-out consumer closed"));
    }
}
