package com.humanchat.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.chaos.ChatDriver.SendRecord;
import com.humanchat.chaos.ChatDriver.User;
import com.humanchat.infra.embedded.DatabaseCoordinates;
import com.humanchat.infra.embedded.SharedTestInfra;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash safety under load (issue 9): with the broker, the Streams app, the projector and two edge replicas each in its
 * own JVM and a driver sending at a steady rate, SIGKILL the Streams JVM and start a new one, restart the broker on
 * the same port and log directory, SIGKILL an edge replica (its users resume on the other with {@code since}). After
 * the load stops and the platform is quiet, every send answered 201/202 is in the projection exactly once, every
 * conversation's {@code seq} is 1..n, every member received every message, and the unread counts the API serves are
 * those the history and the read marks imply.
 *
 * <p>By default (CI) each fault happens once at a modest rate. {@code -Pchaos} / {@code ./humanchat chaos MINUTES}
 * repeats the cycle (Streams, broker, projector, edge kill and restart) for that many minutes at a higher rate. The
 * counts are written to {@code target/chaos-report.md}.
 */
class CrashSafetyIT {

    private static final Logger LOG = LoggerFactory.getLogger(CrashSafetyIT.class);
    private static final Duration RECOVERY_BOUND = Duration.ofMinutes(3);
    private static final Duration QUIESCENCE_BOUND = Duration.ofMinutes(4);

    @Test
    void everyAnsweredMessageSurvivesKilledStreamsARestartedBrokerAndAKilledEdge() throws Exception {
        long minutes = Long.getLong("humanchat.chaos.minutes", 0);
        int userCount = Integer.getInteger("humanchat.chaos.users", 24);
        double rate = Double.parseDouble(System.getProperty("humanchat.chaos.rate", "30"));
        Path reportFile = Path.of(System.getProperty("humanchat.chaos.report", "target/chaos-report.md"));
        // Kept after the run: every process's log (<name>-<incarnation>.log), the broker's data, the Streams state.
        Path workDir = Path.of("target", "chaos-run").toAbsolutePath();
        deleteRecursively(workDir);
        Files.createDirectories(workDir);
        boolean longRun = minutes > 0;
        int steadySends = (int) Math.max(100, rate * (longRun ? 20 : 8));

        SharedTestInfra infra = SharedTestInfra.get();
        DatabaseCoordinates database = infra.newDatabase("chaos");
        String pgUrl = database.password().isEmpty()
                ? database.jdbcUrl()
                : database.jdbcUrl() + "&password=" + database.password();
        List<Fault> faults = new ArrayList<>();
        long setUpStarted = System.nanoTime();
        try (ChaosCluster cluster = new ChaosCluster(workDir, pgUrl, infra.redisUrl());
                ChatDriver driver = new ChatDriver(cluster.edges(), cluster::edgeUrl)) {
            cluster.start();
            driver.setUp(userCount);
            long setUpSeconds = (System.nanoTime() - setUpStarted) / 1_000_000_000L;
            LOG.info(
                    "chaos: {} users, {} conversations, {} msg/s, set up in {} s",
                    userCount,
                    userCount,
                    rate,
                    setUpSeconds);

            driver.startLoad(rate);
            long loadStarted = driver.now();
            awaitAnswered201(driver, loadStarted, steadySends, "warm-up");

            int cycle = 0;
            do {
                cycle++;
                faults.add(killAndRestart(cluster, driver, Fault.STREAMS_KILLED, "streams", cluster::startStreams));
                awaitAnswered201(driver, driver.now(), steadySends, "steady after the Streams kill");

                faults.add(killAndRestart(cluster, driver, Fault.BROKER_RESTARTED, "broker", cluster::startBroker));
                awaitAnswered201(driver, driver.now(), steadySends, "steady after the broker restart");

                if (longRun) {
                    faults.add(killAndRestart(
                            cluster, driver, Fault.PROJECTOR_KILLED, "projector", cluster::startProjector));
                    awaitAnswered201(driver, driver.now(), steadySends, "steady after the projector kill");
                }

                String edge = cluster.edges().get(cycle % 2 == 1 ? 1 : 0);
                faults.add(killEdge(cluster, driver, edge));
                awaitAnswered201(driver, driver.now(), steadySends, "steady after the edge kill");

                if (longRun) {
                    long at = driver.now();
                    cluster.startEdge(edge);
                    cluster.awaitEdgeReady(edge);
                    faults.add(new Fault(Fault.EDGE_RESTARTED, edge, at, driver.now(), List.of()));
                    awaitAnswered201(driver, driver.now(), steadySends, "steady after the edge restart");
                }
                LOG.info("chaos: cycle {} done at {} s", cycle, driver.now() / 1000);
            } while (driver.now() - loadStarted < minutes * 60_000);

            driver.stopLoad();
            long loadStopped = driver.now();
            Awaitility.await("every send and read mark answered or given up")
                    .atMost(QUIESCENCE_BOUND)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> driver.inFlight() == 0);
            String liveEdge = cluster.edges().stream()
                    .filter(cluster::isRunning)
                    .findFirst()
                    .orElseThrow();
            AtomicReference<ChaosVerdict> verdict = new AtomicReference<>();
            long quiet;
            try {
                Awaitility.await("projection, deliveries and unread counts settled")
                        .atMost(QUIESCENCE_BOUND)
                        .pollInterval(Duration.ofSeconds(3))
                        .until(() -> {
                            verdict.set(ChaosVerdict.judge(driver, database.jdbcUrl(), database.password(), liveEdge));
                            return verdict.get().problems().isEmpty();
                        });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                LOG.error("chaos: not settled: {}", verdict.get());
            }
            quiet = driver.now();
            ChaosVerdict result = ChaosVerdict.judge(driver, database.jdbcUrl(), database.password(), liveEdge);
            String report = ChaosReport.markdown(
                    new ChaosReport.Setup(
                            userCount, rate, minutes, setUpSeconds, loadStopped - loadStarted, quiet - loadStopped),
                    faults,
                    driver,
                    result);
            Files.createDirectories(reportFile.toAbsolutePath().getParent());
            Files.writeString(reportFile, report);
            LOG.info("chaos report ({}):\n{}", reportFile.toAbsolutePath(), report);

            assertThat(result.problems())
                    .as(String.join("\n", result.examples()))
                    .isEmpty();
            assertThat(result.answered201() + result.answered202())
                    .as("answered sends")
                    .isGreaterThan(result.sendsAttempted() / 2);
            assertThat(result.unreadNonZero())
                    .as("unread counts that were actually tested")
                    .isPositive();
        }
    }

    /** How a killed process comes back: {@code ChaosCluster}'s start of it. */
    private interface Restart {
        void start() throws Exception;
    }

    /** SIGKILLs {@code process}, starts it again at once, and waits until sends are answered 201 again. */
    private static Fault killAndRestart(
            ChaosCluster cluster, ChatDriver driver, String kind, String process, Restart restart) throws Exception {
        long at = driver.now();
        cluster.kill(process);
        restart.start();
        Fault fault = new Fault(kind, process, at, driver.now(), List.of());
        awaitRecovered(driver, fault);
        return fault;
    }

    private static Fault killEdge(ChaosCluster cluster, ChatDriver driver, String edge) throws Exception {
        List<User> onEdge =
                driver.users().stream().filter(u -> edge.equals(u.socketEdge)).toList();
        long at = driver.now();
        cluster.kill(edge);
        Fault fault = new Fault(Fault.EDGE_KILLED, edge, at, -1, onEdge);
        Awaitility.await("the users of " + edge + " resumed on the other replica")
                .atMost(RECOVERY_BOUND)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> onEdge.stream()
                        .allMatch(u -> driver.reconnects.stream().anyMatch(r -> r.user() == u && r.droppedAt() >= at)));
        awaitRecovered(driver, fault);
        return fault;
    }

    /** A send made after the fault began has been answered 201: the path through Kafka and Streams works again. */
    private static void awaitRecovered(ChatDriver driver, Fault fault) {
        Awaitility.await("recovered from: " + fault.kind())
                .atMost(RECOVERY_BOUND)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> ChaosReport.firstAnswer201After(driver, fault.at()) >= 0);
    }

    /** Steady load: {@code count} sends made after {@code from} answered 201. */
    private static void awaitAnswered201(ChatDriver driver, long from, int count, String phase) {
        Awaitility.await(phase + ": " + count + " sends answered 201")
                .atMost(RECOVERY_BOUND)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    int answered = 0;
                    List<SendRecord> sends = driver.sends;
                    for (int i = sends.size() - 1; i >= 0; i--) {
                        SendRecord send = sends.get(i);
                        if (send.intendedAt() < from) {
                            break;
                        }
                        if (send.answer.get() == 201) {
                            answered++;
                        }
                    }
                    return answered >= count;
                });
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
