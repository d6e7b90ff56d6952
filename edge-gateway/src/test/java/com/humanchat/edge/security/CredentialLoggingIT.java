package com.humanchat.edge.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import com.humanchat.edge.TestEdge;
import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.http.RequestIds;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Passwords and tokens never reach the logs, nor an error answer: every log event of this JVM (the platform's own
 * loggers turned up to TRACE and Vert.x's to DEBUG meanwhile) is captured while an account registers, signs in, fails to sign
 * in, refreshes, reuses a rotated refresh token, signs out, opens a socket with its token in the query string, and
 * sends password-bearing bad requests; no event — message, arguments, MDC or exception — and no 4xx answer contains
 * the password or a token.
 */
class CredentialLoggingIT {

    /**
     * Each logger turned up, and how far: ours to TRACE; Vert.x to DEBUG, because at TRACE vertx-web's router logs
     * every full request URI, {@code ?access_token=} included (SECURITY.md: never run io.vertx.ext.web at TRACE).
     */
    private static final Map<String, Level> VERBOSE_LOGGERS = new java.util.LinkedHashMap<>(
            Map.of("com.humanchat", Level.TRACE, "humanchat.access", Level.TRACE, "io.vertx", Level.DEBUG));

    private static TestEdge edge;
    private static ListAppender<ILoggingEvent> captured;
    private static final List<Level> previousLevels = new ArrayList<>();

    @BeforeAll
    static void startEdgeAndCaptureEveryLogEvent() {
        edge = TestEdge.start(CredentialLoggingIT.class.getSimpleName());
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String name : VERBOSE_LOGGERS.keySet()) {
            Logger logger = context.getLogger(name);
            previousLevels.add(logger.getLevel());
            logger.setLevel(VERBOSE_LOGGERS.get(name));
        }
        captured = new ListAppender<>();
        captured.setContext(context);
        captured.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(captured);
        // The access log has appenders of its own (not additive): capture it too.
        context.getLogger(RequestIds.ACCESS_LOGGER).addAppender(captured);
    }

    @AfterAll
    static void stop() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        if (captured == null) { // the edge did not start
            return;
        }
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(captured);
        context.getLogger(RequestIds.ACCESS_LOGGER).detachAppender(captured);
        int i = 0;
        for (String name : VERBOSE_LOGGERS.keySet()) {
            context.getLogger(name).setLevel(previousLevels.get(i++));
        }
        if (edge != null) {
            edge.close();
        }
    }

    @Test
    void noPasswordOrTokenIsEverLoggedOrEchoed() {
        String marker = UUID.randomUUID().toString().replace("-", "");
        String password = "Pw-" + marker;
        String wrongPassword = "Wrong-" + marker;
        String shortPassword = "S" + marker.substring(0, 6);
        String longPassword = "L" + marker + "x".repeat(130);
        String email = TestEdge.uniqueEmail("careful");
        List<String> secrets = new ArrayList<>(List.of(password, wrongPassword, shortPassword, marker));
        List<Answer> refusals = new ArrayList<>();

        Answer registered = edge.post("/api/auth/register", TestEdge.registration(email, password, "Careful"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String userId = registered.json().getJsonObject("user").getString("id");
        String firstRefresh = registered.json().getString("refreshToken");
        String accessToken = registered.json().getString("accessToken");
        secrets.add(firstRefresh);
        secrets.add(accessToken);

        refusals.add(edge.post(
                "/api/auth/login", new JsonObject().put("email", email).put("password", wrongPassword)));
        Answer login = edge.post(
                "/api/auth/login", new JsonObject().put("email", email).put("password", password));
        assertThat(login.status()).isEqualTo(200);
        secrets.add(login.json().getString("refreshToken"));
        secrets.add(login.json().getString("accessToken"));

        Answer refreshed = edge.post("/api/auth/refresh", new JsonObject().put("refreshToken", firstRefresh));
        assertThat(refreshed.status()).isEqualTo(200);
        secrets.add(refreshed.json().getString("refreshToken"));
        // reuse of the rotated token: the family is revoked and a warning is logged, without the token
        refusals.add(edge.post("/api/auth/refresh", new JsonObject().put("refreshToken", firstRefresh)));
        Answer logout = edge.post(
                "/api/auth/logout",
                new JsonObject().put("refreshToken", login.json().getString("refreshToken")));
        assertThat(logout.status()).isEqualTo(204);

        // the socket's token travels in the query string, which the access log must not write
        Answer upgrade = edge.send(HttpRequest.newBuilder(
                        edge.uri("/ws?access_token=" + URLEncoder.encode(accessToken, StandardCharsets.UTF_8)))
                .GET());
        assertThat(upgrade.status()).as("a plain GET, not an upgrade").isEqualTo(400);

        // password-bearing bad requests
        refusals.add(edge.post(
                "/api/auth/register",
                new JsonObject()
                        .put("email", TestEdge.uniqueEmail("short"))
                        .put("password", shortPassword)
                        .put("displayName", "Short")));
        refusals.add(edge.post(
                "/api/auth/register",
                new JsonObject()
                        .put("email", TestEdge.uniqueEmail("long"))
                        .put("password", longPassword)
                        .put("displayName", "Long")));
        refusals.add(edge.post(
                "/api/auth/register",
                new JsonObject()
                        .put("email", "not-an-email")
                        .put("password", password)
                        .put("displayName", 7)));
        refusals.add(
                edge.post("/api/auth/register", "{\"email\": \"" + email + "\", \"password\": \"" + password + "\""));
        refusals.add(edge.post(
                "/api/auth/login",
                new JsonObject().put("email", email).put("password", password).put("extra", 1)));
        refusals.add(edge.post(
                "/api/auth/login", new JsonObject().put("email", email).put("password", 42)));
        refusals.add(edge.post(
                "/api/auth/register",
                new JsonObject().put("email", email).put("password", password).put("displayName", "Again")));

        assertThat(refusals).extracting(Answer::status).allSatisfy(status -> assertThat(status)
                .isBetween(400, 499));
        for (Answer refusal : refusals) {
            for (String secret : secrets) {
                assertThat(refusal.body()).as("a refusal echoes no credential").doesNotContain(secret);
            }
        }

        List<ILoggingEvent> events;
        synchronized (captured) { // AppenderBase.doAppend appends under the appender's lock
            events = new ArrayList<>(captured.list);
        }
        List<String> logged =
                events.stream().map(CredentialLoggingIT::everything).toList();
        assertThat(logged)
                .as("the capture works: the registration, the token reuse and the access lines were logged")
                .anyMatch(line -> line.contains("registered user " + userId))
                .anyMatch(line -> line.contains("refresh token reuse for user " + userId))
                .anyMatch(line -> line.startsWith(RequestIds.ACCESS_LOGGER + " POST /api/auth/register 201"));
        List<String> leaks = logged.stream()
                .filter(line -> secrets.stream().anyMatch(line::contains))
                .toList();
        assertThat(leaks).as("log events that contain a credential").isEmpty();
    }

    /** Everything an appender could write of an event: message, pattern, arguments, MDC, exception chain. */
    private static String everything(ILoggingEvent event) {
        StringBuilder text = new StringBuilder()
                .append(event.getLoggerName())
                .append(' ')
                .append(event.getFormattedMessage())
                .append(' ')
                .append(event.getMessage());
        if (event.getArgumentArray() != null) {
            for (Object argument : event.getArgumentArray()) {
                text.append(' ').append(argument);
            }
        }
        for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
            text.append(' ').append(entry.getKey()).append('=').append(entry.getValue());
        }
        for (IThrowableProxy error = event.getThrowableProxy(); error != null; error = error.getCause()) {
            text.append(' ').append(error.getClassName()).append(": ").append(error.getMessage());
            for (StackTraceElementProxy frame : error.getStackTraceElementProxyArray()) {
                text.append(' ').append(frame.getSTEAsString());
            }
        }
        return text.toString();
    }
}
