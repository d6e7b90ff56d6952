package com.humanchat.edge;

import com.humanchat.infra.embedded.DatabaseCoordinates;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain HTTP calls against a test edge, answered as text, shared by every edge test harness. */
public final class TestHttp {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestHttp() {}

    /** An HTTP answer with its body as text. */
    public record Answer(int status, HttpHeaders headers, String body) {

        public JsonObject json() {
            return new JsonObject(body);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public static URI uri(Edge edge, String path) {
        return URI.create("http://127.0.0.1:" + edge.port() + path);
    }

    /** A path on the edge's ops port ({@code /metrics}, the detailed {@code /health/*}). */
    public static URI opsUri(Edge edge, String path) {
        return URI.create("http://127.0.0.1:" + edge.opsPort() + path);
    }

    public static Answer get(URI uri, String bearerToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return send(request);
    }

    public static Answer post(URI uri, String bearerToken, String jsonBody) {
        return withBody("POST", uri, bearerToken, jsonBody);
    }

    public static Answer put(URI uri, String bearerToken, String jsonBody) {
        return withBody("PUT", uri, bearerToken, jsonBody);
    }

    public static Answer patch(URI uri, String bearerToken, String jsonBody) {
        return withBody("PATCH", uri, bearerToken, jsonBody);
    }

    private static Answer withBody(String method, URI uri, String bearerToken, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return send(request);
    }

    public static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + request.build().uri(), e);
        }
    }

    private static final Pattern OUTBOX_ENTRY =
            Pattern.compile("<li data-to=\"([^\"]*)\">.*?<a href=\"[^\"]*\\?token=([^\"]+)\"");

    /**
     * The token of the newest verification link {@code edge} would have mailed to {@code email}, read from its
     * development outbox page ({@code GET /dev/outbox}) as a developer would; the edge runs with {@code
     * HUMANCHAT_DEV_OUTBOX=true}.
     */
    public static String verificationToken(Edge edge, String email) {
        Answer page = get(uri(edge, "/dev/outbox"), null);
        if (page.status() != 200) {
            throw new AssertionError("no development outbox: " + page);
        }
        Matcher entry = OUTBOX_ENTRY.matcher(page.body());
        String address = email.toLowerCase(java.util.Locale.ROOT);
        while (entry.find()) {
            if (entry.group(1).equals(address)) {
                return java.net.URLDecoder.decode(entry.group(2), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no e-mail to " + email + " in the development outbox");
    }

    /** Follows the newest verification link the development outbox of {@code edge} holds for {@code email}. */
    public static Answer verifyEmail(Edge edge, String email) {
        Answer answer = post(
                uri(edge, "/api/auth/verify-email"),
                null,
                new JsonObject().put("token", verificationToken(edge, email)).encode());
        if (answer.status() != 200) {
            throw new AssertionError("verification failed: " + answer);
        }
        return answer;
    }

    /** The {@code HUMANCHAT_PG_URL} an operator would give for a test database. */
    public static String pgUrl(DatabaseCoordinates database) {
        return database.jdbcUrl()
                + (database.password().isEmpty()
                        ? ""
                        : "&password=" + URLEncoder.encode(database.password(), StandardCharsets.UTF_8));
    }
}
