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

    /** The {@code HUMANCHAT_PG_URL} an operator would give for a test database. */
    public static String pgUrl(DatabaseCoordinates database) {
        return database.jdbcUrl()
                + (database.password().isEmpty()
                        ? ""
                        : "&password=" + URLEncoder.encode(database.password(), StandardCharsets.UTF_8));
    }
}
