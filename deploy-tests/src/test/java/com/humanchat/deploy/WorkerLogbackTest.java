package com.humanchat.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code docker/logback.xml} as the worker images load it (their {@code conf/} folder, a copy of {@code docker/}, first
 * on the classpath; the build puts {@code docker/} on this test's classpath likewise): each format logs its lines, and logback has nothing to warn about, so it prints no status of its
 * own (some 60 lines) at every start.
 */
class WorkerLogbackTest {

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void loadsQuietlyAndLogsInTheChosenFormat(String format) throws Exception {
        Path docker = RepositoryFiles.root().resolve("docker");
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty("HUMANCHAT_LOG_FORMAT", format);
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(docker.resolve("logback.xml").toFile());
            context.getLogger("com.humanchat.streams.Example").info("projected {} rows", 3);
            context.getLogger("org.apache.kafka.clients.Example").info("not shown: clients log at WARN");
        } finally {
            context.stop();
            System.setOut(console);
        }

        List<Status> statuses = context.getStatusManager().getCopyOfStatusList();
        assertThat(statuses)
                .as("logback's status while loading docker/logback.xml with %s", format)
                .allSatisfy(status -> assertThat(status.getEffectiveLevel()).isLessThan(Status.WARN));
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).contains("projected 3 rows");
        if (format.equals("json")) {
            assertThat(lines.getFirst()).startsWith("{").contains("\"formattedMessage\":\"projected 3 rows\"");
        } else {
            assertThat(lines.getFirst()).doesNotStartWith("{").contains("INFO");
        }
    }
}
