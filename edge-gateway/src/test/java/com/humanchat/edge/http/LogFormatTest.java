package com.humanchat.edge.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.status.Status;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The edge's logback.xml, loaded into a context of its own: HUMANCHAT_LOG_FORMAT picks text or JSON lines. */
class LogFormatTest {

    private static List<String> logWith(String format) throws Exception {
        return logWith(format, new LoggerContext());
    }

    private static List<String> logWith(String format, LoggerContext context) throws Exception {
        LogbackMDCAdapter mdc = new LogbackMDCAdapter();
        context.setMDCAdapter(mdc);
        if (format != null) {
            context.putProperty("HUMANCHAT_LOG_FORMAT", format);
        }
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            mdc.put(RequestIds.MDC_KEY, "req-42");
            mdc.put(RequestIds.TRACE_MDC_KEY, "4bf92f3577b34da6a3ce929d0e0e4736");
            context.getLogger(RequestIds.ACCESS_LOGGER).info("{} {} {}", "GET", "/api/conversations", 200);
            context.getLogger("com.humanchat.edge.Example").info("said \"hi\"\nthen left");
            context.getLogger("org.apache.kafka.clients.Example").info("not shown: clients log at WARN");
        } finally {
            // The access log's queue first: stopping it drains it into the console appender, which the context's
            // stop could otherwise stop before the queue's last line reached it.
            context.getLogger(RequestIds.ACCESS_LOGGER).iteratorForAppenders().forEachRemaining(Appender::stop);
            context.stop();
            System.setOut(console);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void jsonGivesOneObjectPerLineWithTheRequestAndTraceIds() throws Exception {
        List<String> lines = logWith("json");

        // The access line goes through its own queue, so the two lines may come in either order.
        assertThat(lines).hasSize(2);
        List<JsonObject> events = lines.stream().map(JsonObject::new).toList();
        JsonObject access = events.stream()
                .filter(e -> RequestIds.ACCESS_LOGGER.equals(e.getString("loggerName")))
                .findFirst()
                .orElseThrow();
        JsonObject other = events.stream().filter(e -> e != access).findFirst().orElseThrow();
        assertThat(access.getString("level")).isEqualTo("INFO");
        assertThat(access.getString("formattedMessage")).isEqualTo("GET /api/conversations 200");
        assertThat(access.getJsonObject("mdc").getString("requestId")).isEqualTo("req-42");
        assertThat(access.getJsonObject("mdc").getString("traceId")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(access.getLong("timestamp")).isPositive();
        // Quotes and line breaks in a message stay inside one JSON string.
        assertThat(other.getString("formattedMessage")).isEqualTo("said \"hi\"\nthen left");
    }

    /**
     * The standalone, the edge and the Sam worker load this file at every start; a WARN of logback's own (an appender
     * defined and never referenced, say) makes it print its whole status — some 60 lines — before the first log line.
     */
    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void loadsWithoutAWarningOfLogbacksOwn(String format) throws Exception {
        LoggerContext context = new LoggerContext();

        List<String> lines = logWith(format, context);

        List<Status> statuses = context.getStatusManager().getCopyOfStatusList();
        assertThat(statuses)
                .as("logback's status while loading logback.xml with %s", format)
                .allSatisfy(status -> assertThat(status.getEffectiveLevel()).isLessThan(Status.WARN));
        assertThat(lines).noneMatch(line -> line.contains("|-WARN") || line.contains("|-ERROR"));
    }

    @Test
    void textIsTheDefault() throws Exception {
        List<String> lines = logWith(null);

        assertThat(lines).hasSize(3);
        assertThat(lines)
                .filteredOn(line -> line.contains("humanchat.access"))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("INFO", "req-42", "GET /api/conversations 200")
                        .doesNotStartWith("{"));
    }
}
