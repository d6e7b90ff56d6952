package com.humanchat.infra.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft broker and controller in one) inside this JVM; a log directory is formatted once and
 * reused on every later start, so its topics and records survive a restart.
 *
 * <p>{@link #stop()} and {@link #start()} take the broker down and bring it back on the same directory and ports, for
 * outage tests; lifecycle calls are serialised, so several test threads may call them.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** Written by the formatter; its presence means "formatted, reuse as is". */
    private static final String META_PROPERTIES = "meta.properties";

    private static final int ATTEMPTS_ON_FREE_PORTS = 3;

    private final Path logDir;
    private final boolean deleteLogDirOnClose;
    private int brokerPort;
    private int controllerPort;
    private KafkaRaftServer server;
    private boolean closed;

    private EmbeddedKafka(Path logDir, boolean deleteLogDirOnClose) {
        this.logDir = logDir;
        this.deleteLogDirOnClose = deleteLogDirOnClose;
    }

    /**
     * Starts a broker storing its data in {@code logDir} (formatted on first use, reused as is afterwards).
     *
     * @param logDir where the logs and the KRaft metadata live; {@code null} for a temporary directory deleted by
     *     {@link #close()}
     * @param port the client port on 127.0.0.1, or 0 for a free one; the controller always gets a free port of its own
     */
    public static EmbeddedKafka start(Path logDir, int port) {
        FreePort.requireValidPort(port);
        boolean temporary = logDir == null;
        Path dir;
        try {
            dir = temporary ? Files.createTempDirectory("humanchat-kafka-") : logDir.toAbsolutePath();
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the Kafka log directory " + logDir, e);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(dir, temporary);
        try {
            kafka.startOnPorts(port);
        } catch (RuntimeException e) {
            kafka.deleteLogDirIfTemporary();
            throw e;
        }
        return kafka;
    }

    /** {@code 127.0.0.1:PORT}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + brokerPort;
    }

    /** The client port; it stays the same across {@link #stop()} and {@link #start()}. */
    public int port() {
        return brokerPort;
    }

    public Path logDir() {
        return logDir;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Brings a stopped broker back on the same directory and ports; does nothing if it is running. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("This embedded Kafka was closed; start a new one");
        }
        if (server == null) {
            startServer();
        }
    }

    /** Shuts the broker down and waits until it has stopped; clients then see it as unreachable. */
    public synchronized void stop() {
        KafkaRaftServer running = server;
        if (running == null) {
            return;
        }
        server = null;
        long startedAt = System.nanoTime();
        running.shutdown();
        running.awaitShutdown();
        LOG.info("Kafka on {} stopped in {} ms", bootstrapServers(), (System.nanoTime() - startedAt) / 1_000_000);
    }

    /** {@link #stop()} then {@link #start()}: same directory, same ports, same data. */
    public synchronized void restart() {
        stop();
        start();
    }

    /** Stops the broker and, for a temporary directory, deletes it. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            stop();
        } finally {
            closed = true;
            deleteLogDirIfTemporary();
        }
    }

    private void startOnPorts(int requestedPort) {
        for (int attempt = 1; ; attempt++) {
            brokerPort = requestedPort == 0 ? FreePort.pick() : requestedPort;
            controllerPort = FreePort.pickOtherThan(brokerPort);
            try {
                startServer();
                return;
            } catch (RuntimeException e) {
                boolean lostPortRace = requestedPort == 0 && FreePort.isBindFailure(e);
                if (!lostPortRace || attempt == ATTEMPTS_ON_FREE_PORTS) {
                    throw e;
                }
                LOG.info("Another process took port {} or {}; trying other free ports", brokerPort, controllerPort);
            }
        }
    }

    private void startServer() {
        long startedAt = System.nanoTime();
        Map<String, String> properties = brokerProperties(logDir, brokerPort, controllerPort);
        formatUnlessFormatted();
        KafkaRaftServer starting = new KafkaRaftServer(new KafkaConfig(properties), Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException e) {
            shutDownQuietly(starting);
            throw new IllegalStateException(
                    "Kafka did not start on " + bootstrapServers() + " (controller port " + controllerPort
                            + ", log directory " + logDir + ")",
                    e);
        }
        server = starting;
        LOG.info(
                "Kafka started on {} (controller port {}, log directory {}) in {} ms",
                bootstrapServers(),
                controllerPort,
                logDir,
                (System.nanoTime() - startedAt) / 1_000_000);
    }

    private void formatUnlessFormatted() {
        if (Files.exists(logDir.resolve(META_PROPERTIES))) {
            return;
        }
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(formatterOutput, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    // Feature.values() also holds test-only features, which the formatter rejects.
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Could not format the Kafka log directory " + logDir + ": "
                            + formatterOutput.toString(StandardCharsets.UTF_8),
                    e);
        }
        LOG.debug(
                "Formatted {}: {}",
                logDir,
                formatterOutput.toString(StandardCharsets.UTF_8).strip());
    }

    /**
     * The broker configuration. Broker keys have no constants in the client library, so they are spelled out here;
     * a test checks every key against Kafka's own list, since Kafka only warns about an unknown key.
     */
    static Map<String, String> brokerProperties(Path logDir, int brokerPort, int controllerPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        // A static voter set: the controller's port may change between runs of a persistent directory.
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put(
                "listeners",
                BROKER_LISTENER + "://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":"
                        + controllerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());

        // One node: every internal topic has one replica.
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "12");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "12");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");

        // Topics are created on purpose, never by a typo in a producer.
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "12");

        // Fast group joins and transactions: nobody else is joining, and the hop latency matters (INFRA-NOTES).
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("add.partitions.to.txn.retry.backoff.ms", "1");

        // Small footprint on a 2-core machine that runs many topics of 12 partitions.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        p.put("log.segment.bytes", Integer.toString(16 * 1024 * 1024));
        p.put("log.index.size.max.bytes", Integer.toString(1024 * 1024));
        // The default 128 MiB dedupe buffer is taken from the heap as soon as the cleaner starts.
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        p.put("log.cleaner.threads", "1");
        // The controller appends a no-op record to an idle metadata log every 500 ms by default, which wakes its raft,
        // loader and controller threads each time; one broker needs no such keep-alive that often.
        p.put("metadata.max.idle.interval.ms", "5000");

        // Fail with an exception instead of waiting forever if the broker cannot become ready.
        p.put("server.max.startup.time.ms", "60000");
        return p;
    }

    private static void shutDownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.debug("Ignoring a failure to shut down a Kafka server that failed to start", e);
        }
    }

    private void deleteLogDirIfTemporary() {
        if (deleteLogDirOnClose) {
            RecursiveDelete.quietly(logDir);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers() + ", " + logDir + "]";
    }
}
