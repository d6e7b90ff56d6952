package com.humanchat.streams.app;

import com.humanchat.schemas.TopicProvisioner;
import com.humanchat.schemas.Topics;
import com.humanchat.streams.topology.ConversationTopology;
import com.humanchat.streams.topology.ConversationTopologyConfig;
import com.humanchat.streams.topology.MetricsTopology;
import com.humanchat.streams.topology.MetricsTopologyConfig;
import com.humanchat.streams.topology.RequestTopology;
import com.humanchat.streams.topology.SessionTopology;
import com.humanchat.streams.topology.StreamsSettings;
import com.humanchat.streams.topology.UnreadCountTopology;
import com.humanchat.streams.topology.UnreadTopologyConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation, unread, session, request and metrics topologies running as five {@link KafkaStreams} clients in this JVM,
 * for the {@link DomainStreamsMain} process and for embedding (the standalone launcher): {@code start} provisions the
 * topics and starts them all, {@link #isRunning()} is the readiness probe, {@link #close()} stops them all.
 */
public final class DomainStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DomainStreams.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Set<KafkaStreams.State> READY =
            Set.of(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);

    private final KafkaStreams conversations;
    private final KafkaStreams unread;
    private final List<KafkaStreams> clients;
    private final List<String> applicationIds;
    private final List<KafkaStreamsMetrics> metrics;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DomainStreams(Map<String, KafkaStreams> clients, List<KafkaStreamsMetrics> metrics) {
        this.clients = List.copyOf(clients.values());
        this.applicationIds = List.copyOf(clients.keySet());
        this.conversations = this.clients.get(0);
        this.unread = this.clients.get(1);
        this.metrics = metrics;
    }

    /**
     * Starts the topologies with the defaults of {@link DomainStreamsConfig#embedded} (the standalone launcher's
     * call).
     */
    public static DomainStreams start(String bootstrapServers, Path stateDir) {
        return start(DomainStreamsConfig.embedded(bootstrapServers, stateDir));
    }

    /** Provisions the topics (if missing) and starts the topologies; returns once they are starting. */
    public static DomainStreams start(DomainStreamsConfig config) {
        return start(config, null);
    }

    /**
     * As {@link #start(DomainStreamsConfig)}, binding the clients' metrics to {@code registry} (tag
     * {@code application}).
     *
     * @param registry may be null
     */
    public static DomainStreams start(DomainStreamsConfig config, MeterRegistry registry) {
        TopicProvisioner.ensureTopics(config.bootstrapServers(), config.partitions(), config.replicationFactor());
        ConversationTopologyConfig conversationConfig =
                ConversationTopologyConfig.defaults().withDedupeRetention(config.dedupeRetention());
        Map<String, KafkaStreams> clients = new LinkedHashMap<>();
        clients.put(
                config.conversationsApplicationId(),
                client(
                        ConversationTopology.build(conversationConfig),
                        settings(config, config.conversationsApplicationId(), Topics.CHAT_COMMANDS.name()),
                        config.instanceId()));
        clients.put(
                config.unreadApplicationId(),
                client(
                        UnreadCountTopology.build(UnreadTopologyConfig.defaults()),
                        settings(config, config.unreadApplicationId(), Topics.CHAT_EVENTS.name()),
                        config.instanceId()));
        clients.put(
                config.sessionsApplicationId(),
                client(
                        SessionTopology.build(config.bookingLimits()),
                        settings(config, config.sessionsApplicationId(), Topics.SESSIONS_COMMANDS.name()),
                        config.instanceId()));
        clients.put(
                config.requestsApplicationId(),
                client(
                        RequestTopology.build(),
                        settings(config, config.requestsApplicationId(), Topics.REQUESTS_COMMANDS.name()),
                        config.instanceId()));
        // Its dead-letter topic is its output's: a record of another topic it cannot read is already the dead letter
        // of that topic's own topology.
        clients.put(
                config.metricsApplicationId(),
                client(
                        MetricsTopology.build(new MetricsTopologyConfig(config.metricsInterval())),
                        settings(config, config.metricsApplicationId(), Topics.ADMIN_METRICS.name()),
                        config.instanceId()));
        List<KafkaStreamsMetrics> metrics = new ArrayList<>();
        if (registry != null) {
            clients.forEach((applicationId, client) -> metrics.add(bind(client, applicationId, registry)));
        }
        DomainStreams running = new DomainStreams(clients, metrics);
        try {
            clients.values().forEach(KafkaStreams::start);
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
        LOG.info("Domain streams starting: {} on {}", String.join(", ", clients.keySet()), config.bootstrapServers());
        return running;
    }

    /** The Streams application ids, which are also their consumer groups. */
    public List<String> applicationIds() {
        return applicationIds;
    }

    /** Readiness: every client is RUNNING or REBALANCING. */
    public boolean isRunning() {
        return clients.stream().allMatch(client -> READY.contains(client.state()));
    }

    /**
     * Liveness: no client went to ERROR. A failed stream thread is replaced by Kafka Streams itself; ERROR is what it
     * could not recover from, and only a restart of the process brings that client back.
     */
    public boolean isLive() {
        return clients.stream()
                .noneMatch(client -> client.state() == KafkaStreams.State.ERROR
                        || client.state() == KafkaStreams.State.PENDING_ERROR);
    }

    /**
     * Waits until every client is RUNNING — partitions assigned and processing, so a command sent now is answered
     * without waiting for a rebalance — or the timeout; returns whether they are.
     */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!clients.stream().allMatch(client -> client.state() == KafkaStreams.State.RUNNING)) {
            if (System.nanoTime() > deadline || closed.get()) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    public KafkaStreams.State conversationsState() {
        return conversations.state();
    }

    public KafkaStreams.State unreadState() {
        return unread.state();
    }

    /** Stops every client (each within 30 s); safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        metrics.forEach(KafkaStreamsMetrics::close);
        clients.forEach(client -> client.close(CLOSE_TIMEOUT));
        LOG.info("Domain streams stopped");
    }

    private static StreamsSettings settings(DomainStreamsConfig config, String applicationId, String inputTopic) {
        return new StreamsSettings(
                applicationId,
                config.bootstrapServers(),
                config.stateDir(),
                config.threads(),
                config.replicationFactor(),
                config.standbyReplicas(),
                config.commitInterval(),
                Topics.deadLetterOf(inputTopic));
    }

    /**
     * A client of {@code topology}. With an {@code instanceId} (the pod's stable name) its consumers are static members
     * of the group ({@code group.instance.id}, suffixed per thread by Streams): a process restarted under the same name
     * gets its tasks back at once instead of waiting for the old member's session to time out and a rebalance.
     */
    private static KafkaStreams client(Topology topology, StreamsSettings settings, String instanceId) {
        Properties properties = settings.toProperties();
        if (instanceId != null) {
            properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
        }
        KafkaStreams streams = new KafkaStreams(topology, properties);
        String applicationId = settings.applicationId();
        streams.setStateListener((now, before) -> LOG.info("{}: {} -> {}", applicationId, before, now));
        streams.setUncaughtExceptionHandler(exception -> {
            LOG.error("{}: stream thread failed; replacing it", applicationId, exception);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        return streams;
    }

    /**
     * The client's own Kafka metrics, tagged {@code application}, and {@code humanchat.streams.running{application}}:
     * 1 while the client is RUNNING or REBALANCING, else 0 (what readiness reports, per application).
     */
    private static KafkaStreamsMetrics bind(KafkaStreams streams, String applicationId, MeterRegistry registry) {
        KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams, Tags.of("application", applicationId));
        binder.bindTo(registry);
        Gauge.builder("humanchat.streams.running", streams, client -> READY.contains(client.state()) ? 1 : 0)
                .description("1 while the Streams client is running or rebalancing")
                .tag("application", applicationId)
                .register(registry);
        return binder;
    }
}
