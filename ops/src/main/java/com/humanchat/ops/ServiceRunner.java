package com.humanchat.ops;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every back-end deployable runs its worker until the process is told to stop. The ops port comes first, so a
 * port that cannot be bound stops the start before anything runs unobserved; then the worker, with its meters in
 * the served registry; then the lag of its consumer groups. On SIGTERM everything is closed in reverse.
 */
public final class ServiceRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);
    private static final Duration LAG_INTERVAL = Duration.ofSeconds(15);

    private ServiceRunner() {}

    /**
     * The configuration {@code read} makes of the environment. An invalid one ends the process with status 2, every
     * problem logged, before anything starts.
     */
    public static <C> C configOrExit(Supplier<C> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            System.exit(2);
            throw e;
        }
    }

    /**
     * Runs until the JVM is asked to stop.
     *
     * @param name names the log line and the shutdown thread
     * @param opsPort where {@code /metrics} and {@code /health/*} are served; 0 = any free port
     * @param start starts the worker, registering its meters in the given registry
     * @param ready the worker's readiness ({@code /health/ready})
     * @param live the worker's liveness ({@code /health/live}): false once its consumer loop died or hangs
     * @param groups the worker's consumer groups, whose lag is exported
     */
    public static <W extends AutoCloseable> void run(
            String name,
            int opsPort,
            String kafkaBootstrap,
            Function<PrometheusMeterRegistry, W> start,
            Predicate<W> ready,
            Predicate<W> live,
            Function<W, List<String>> groups)
            throws IOException, InterruptedException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AtomicReference<W> started = new AtomicReference<>();
        // Before the worker is started it is neither ready nor dead: it is starting.
        OpsHttpServer ops = OpsHttpServer.start(
                opsPort,
                registry,
                () -> started.get() != null && ready.test(started.get()),
                () -> started.get() == null || live.test(started.get()));
        W worker = start.apply(registry);
        started.set(worker);
        ConsumerGroupLag lag = ConsumerGroupLag.start(kafkaBootstrap, groups.apply(worker), registry, LAG_INTERVAL);
        LOG.info("{} up: metrics and health on port {}", name, ops.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            ops.close();
                            lag.close();
                            try {
                                worker.close();
                            } catch (Exception e) {
                                LOG.warn("{}: error while stopping: {}", name, e.toString());
                            }
                            registry.close();
                            stopped.countDown();
                        },
                        name + "-shutdown"));
        stopped.await();
    }
}
