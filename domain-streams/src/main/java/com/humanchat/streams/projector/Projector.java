package com.humanchat.streams.projector;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Materialises {@code chat.events}, {@code chat.unread}, {@code sessions.events} and {@code requests.events} into the
 * PostgreSQL read models: a running projector, with
 * {@code threads} consumers of one group each projecting its partitions batch by batch (one transaction per poll,
 * offsets committed after it).
 *
 * <p>Embedding: {@code try (Projector projector = Projector.start(config, registry)) { … projector.isHealthy() … }}.
 * It needs the database migrated and the topics created; it survives PostgreSQL and Kafka outages on its own.
 */
public final class Projector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Projector.class);

    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final ProjectorConfig config;
    private final HikariDataSource dataSource;
    private final DeadLetters deadLetters;
    private final ProjectorMetrics metrics;
    private final List<ProjectorWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    private Projector(ProjectorConfig config, MeterRegistry registry) {
        this.config = config;
        this.dataSource = dataSource(config, registry);
        try {
            this.deadLetters = new DeadLetters(config.kafkaBootstrap(), config.groupId());
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        this.metrics = new ProjectorMetrics(registry, config.groupId(), config.topics(), this::lag, this::isHealthy);
    }

    /**
     * Starts the projector's threads and returns at once; close the returned projector to stop them.
     *
     * @param registry where the {@code humanchat.projector.*} meters (and the connection pool's) are registered
     */
    public static Projector start(ProjectorConfig config, MeterRegistry registry) {
        Projector projector = new Projector(config, registry);
        try {
            RecordDecoder decoder = new RecordDecoder(config);
            ProjectionWriter writer = new ProjectionWriter(projector.dataSource);
            for (int i = 0; i < config.threads(); i++) {
                ProjectorWorker worker =
                        new ProjectorWorker(config, i, decoder, writer, projector.deadLetters, projector.metrics);
                Thread thread = new Thread(worker, "humanchat-projector-" + i);
                projector.workers.add(worker);
                projector.threads.add(thread);
            }
            projector.threads.forEach(Thread::start);
        } catch (RuntimeException e) {
            projector.close();
            throw e;
        }
        LOG.info(
                "Projector started: group {}, {} thread(s), batches of at most {}, {} into {}",
                config.groupId(),
                config.threads(),
                config.maxBatch(),
                String.join(", ", config.topics()),
                config.postgres());
        return projector;
    }

    /**
     * For readiness: true while every thread runs and its last batch went through; false while a batch is being
     * retried (PostgreSQL unreachable, say) and after {@link #close()}.
     */
    public boolean isHealthy() {
        if (closed || threads.isEmpty()) {
            return false;
        }
        for (int i = 0; i < threads.size(); i++) {
            if (!threads.get(i).isAlive() || !workers.get(i).isHealthy()) {
                return false;
            }
        }
        return true;
    }

    /**
     * For liveness: false once a consumer loop ended (other than by {@link #close()}, after which this is false too)
     * or has not polled within its {@code max.poll.interval.ms}. A loop waiting for PostgreSQL keeps polling, so an
     * outage makes the projector unready, never dead.
     */
    public boolean isLive() {
        return !closed && workers.stream().allMatch(ProjectorWorker::isLive);
    }

    /** Records of the assigned partitions not projected yet, as of each consumer's last poll. */
    public long lag() {
        long total = 0;
        for (ProjectorWorker worker : workers) {
            total += worker.lag();
        }
        return total;
    }

    public ProjectorConfig config() {
        return config;
    }

    /**
     * Stops the threads after the batch each is in (a batch being retried is abandoned uncommitted), then the
     * connection pool and the dead-letter producer; idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        workers.forEach(ProjectorWorker::stop);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (int i = 0; i < threads.size(); i++) {
            Thread thread = threads.get(i);
            try {
                if (!join(thread, deadline - System.nanoTime())) {
                    workers.get(i).interrupt();
                    thread.interrupt();
                    join(thread, TimeUnit.SECONDS.toNanos(5));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        deadLetters.close();
        dataSource.close();
        metrics.close();
        LOG.info("Projector of group {} stopped", config.groupId());
    }

    private static boolean join(Thread thread, long nanos) throws InterruptedException {
        if (nanos > 0) {
            thread.join(Duration.ofNanos(nanos));
        }
        return !thread.isAlive();
    }

    private static HikariDataSource dataSource(ProjectorConfig config, MeterRegistry registry) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("humanchat-projector-" + config.groupId());
        hikari.setJdbcUrl(config.postgres().jdbcUrl());
        hikari.setUsername(config.postgres().user());
        hikari.setPassword(config.postgres().password());
        hikari.setAutoCommit(false);
        // One connection per thread, one spare so a thread never waits on a connection being validated.
        hikari.setMaximumPoolSize(config.threads() + 1);
        hikari.setMinimumIdle(config.threads());
        // Fail fast while PostgreSQL is down; the worker backs off and retries.
        hikari.setConnectionTimeout(2_000);
        hikari.setValidationTimeout(1_000);
        hikari.setInitializationFailTimeout(-1);
        hikari.setKeepaliveTime(30_000);
        // Multi-row inserts for batched upserts.
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        hikari.addDataSourceProperty("connectTimeout", "2");
        hikari.addDataSourceProperty("socketTimeout", "30");
        hikari.addDataSourceProperty("tcpKeepAlive", "true");
        hikari.addDataSourceProperty("ApplicationName", "humanchat-projector");
        hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        return new HikariDataSource(hikari);
    }
}
