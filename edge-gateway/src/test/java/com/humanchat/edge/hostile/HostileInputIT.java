package com.humanchat.edge.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.PlatformHarness;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import com.humanchat.edge.chat.TestSocket;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based hostile input against the running platform (two edges, the topologies, PostgreSQL, Redis): random
 * and malicious JSON, raw bytes and query strings on every JSON endpoint, and random WebSocket frames. The server must
 * answer every one with less than 500, quickly, and keep the socket usable; injection strings are stored and returned
 * as inert text.
 */
class HostileInputIT {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Field names the endpoints read, so that random bodies reach their validation and domain rules. */
    private static final List<String> FIELDS = List.of(
            "email",
            "password",
            "displayName",
            "role",
            "refreshToken",
            "participantIds",
            "type",
            "clientMessageId",
            "content",
            "seq",
            "hostUserId",
            "conversationId",
            "startTime",
            "durationMinutes",
            "agreedPrice",
            "amountCents",
            "currency",
            "paymentMode",
            "status",
            "reason",
            "message",
            "decision",
            "bio",
            "tags",
            "priceCents",
            "instantAvailable",
            "managerId",
            "representativeName",
            "isTyping",
            "sessionId",
            "payload");

    private static final List<String> NASTY = List.of(
            "",
            " ",
            "<script>alert(1)</script>",
            "'; drop table users; --",
            "\" or 1=1 --",
            "\u0000",
            "\ud83d\ude00\u202e\u0301",
            "../../../etc/passwd",
            "%00%0d%0a",
            "${jndi:ldap://x/a}",
            "NaN",
            "2026-13-45T99:99:99Z",
            "00000000-0000-0000-0000-000000000000",
            "x".repeat(70_000));

    private static PlatformHarness platform;
    private static List<TestUser> users;
    private static UUID conversation;
    private static final AtomicInteger NEXT_USER = new AtomicInteger();

    private record Endpoint(String method, String path, boolean auth) {}

    @BeforeContainer
    static void platformAndUsers() {
        platform = PlatformHarness.get();
        users = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> platform.register("fuzz" + i))
                .toList();
        conversation = platform.directConversation(users.get(0), users.get(1));
    }

    @Property(tries = 600)
    void noJsonBodyOnAnyEndpointGetsAServerError(
            @ForAll("endpoints") Endpoint endpoint, @ForAll("bodies") byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(endpoint.path()))
                .header("Content-Type", "application/json")
                .method(endpoint.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        assertAnsweredBelow500(endpoint.auth() ? authorised(request) : request);
    }

    @Property(tries = 300)
    void noQueryStringOnAnyListGetsAServerError(
            @ForAll("listPaths") String path, @ForAll("queryValues") String a, @ForAll("queryValues") String b) {
        String query = path + "?limit=" + encode(a) + "&cursor=" + encode(b) + "&since=" + encode(b) + "&q="
                + encode(a) + "&tag=" + encode(b) + "&online=" + encode(a) + "&status=" + encode(a) + "&before="
                + encode(b) + "&updatedSince=" + encode(a);
        assertAnsweredBelow500(authorised(HttpRequest.newBuilder(uri(query)).GET()));
    }

    @Property(tries = 120)
    void noWebSocketFrameBreaksTheSocket(@ForAll("frames") List<String> frames) {
        try (TestSocket socket = platform.connect(users.get(2))) {
            socket.await(f -> "hello".equals(f.getString("type")));
            frames.forEach(socket::sendText);
            socket.send(new JsonObject().put("type", "ping"));
            socket.await(f -> "pong".equals(f.getString("type")), ANSWER_WITHIN);
            assertThat(socket.isClosed())
                    .as("closed with %s", socket.closeStatus())
                    .isFalse();
            assertThat(socket.frames("error"))
                    .allSatisfy(error -> assertThat(error.getString("code")).isNotIn("internal", "internal_error"));
        }
    }

    @Example
    void injectionStringsAreStoredAndReturnedAsInertText() {
        TestUser alice = users.get(0);
        List<String> accepted = new java.util.ArrayList<>();
        for (int i = 0; i < NASTY.size() - 1; i++) {
            String content = NASTY.get(i).isBlank() ? "blank" + NASTY.get(i) + "x" : NASTY.get(i);
            Answer sent = platform.post(
                    "/api/conversations/" + conversation + "/messages",
                    alice.token(),
                    new JsonObject().put("clientMessageId", "inert-" + i).put("content", content));
            assertThat(sent.status()).as(sent.toString()).isIn(201, 202, 400, 422);
            if (sent.status() == 201) {
                assertThat(sent.json().getString("content")).isEqualTo(content);
                accepted.add(content);
            }
        }
        // U+0000 cannot be stored by PostgreSQL: refused up front instead of acknowledged and lost by the projection
        Answer nul = platform.post(
                "/api/conversations/" + conversation + "/messages",
                alice.token(),
                new JsonObject().put("clientMessageId", "inert-nul").put("content", "a\u0000b"));
        assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
        assertThat(nul.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("/content");
        // the tables are intact and the text comes back exactly as it was sent
        assertThat(platform.register("after-injection")).isNotNull();
        Answer history = platform.get("/api/conversations/" + conversation + "/messages?limit=200", alice.token());
        assertThat(history.status()).isEqualTo(200);
        // JSON with nosniff: a browser never renders it as HTML
        assertThat(history.contentType()).isEqualTo("application/json");
        assertThat(history.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        org.awaitility.Awaitility.await().atMost(ANSWER_WITHIN).untilAsserted(() -> assertThat(platform
                        .get("/api/conversations/" + conversation + "/messages?limit=200", alice.token())
                        .json()
                        .getJsonArray("items")
                        .stream()
                        .map(m -> ((JsonObject) m).getString("content"))
                        .toList())
                .as("every accepted message is in the history, byte for byte")
                .containsAll(accepted)
                .contains("<script>alert(1)</script>", "'; drop table users; --"));
    }

    @Provide
    Arbitrary<Endpoint> endpoints() {
        UUID session = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        return Arbitraries.of(
                new Endpoint("POST", "/api/auth/register", false),
                new Endpoint("POST", "/api/auth/login", false),
                new Endpoint("POST", "/api/auth/refresh", false),
                new Endpoint("POST", "/api/auth/logout", false),
                new Endpoint("PATCH", "/api/me/profile", true),
                new Endpoint("POST", "/api/conversations", true),
                new Endpoint("POST", "/api/conversations/" + conversation + "/messages", true),
                new Endpoint("POST", "/api/conversations/" + conversation + "/read", true),
                new Endpoint("POST", "/api/conversations/not-a-uuid/messages", true),
                new Endpoint("POST", "/api/sessions", true),
                new Endpoint("PATCH", "/api/sessions/" + session, true),
                new Endpoint("POST", "/api/requests", true),
                new Endpoint("PATCH", "/api/requests/" + request, true),
                new Endpoint("PATCH", "/api/requests/%E0%A4", true));
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> json = objects(3).map(node -> node.toString().getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> raw = Arbitraries.of(
                new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE},
                "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII),
                ("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).getBytes(StandardCharsets.US_ASCII),
                "{\"content\":\"a\",\"content\":\"b\"}".getBytes(StandardCharsets.US_ASCII),
                "{\"seq\":1e999999}".getBytes(StandardCharsets.US_ASCII),
                "{\"seq\":123456789012345678901234567890}".getBytes(StandardCharsets.US_ASCII),
                "null".getBytes(StandardCharsets.US_ASCII),
                "{".getBytes(StandardCharsets.US_ASCII),
                new byte[0],
                ("{\"content\":\"" + "z".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.US_ASCII));
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Arbitraries.frequencyOf(Tuple.of(6, json), Tuple.of(2, raw), Tuple.of(1, noise));
    }

    @Provide
    Arbitrary<String> listPaths() {
        return Arbitraries.of(
                "/api/discover",
                "/api/conversations",
                "/api/conversations/" + conversation + "/messages",
                "/api/sync",
                "/api/sessions",
                "/api/requests",
                "/api/users/" + UUID.randomUUID(),
                "/api/users/%00");
    }

    @Provide
    Arbitrary<String> queryValues() {
        return Arbitraries.oneOf(
                Arbitraries.of(NASTY.subList(0, NASTY.size() - 1)),
                Arbitraries.of("-1", "0", "1", "51", "99999999999999999999", "1.5", "true", "x", "AAAA", "czE="),
                Arbitraries.strings().ofMaxLength(40));
    }

    @Provide
    Arbitrary<List<String>> frames() {
        Arbitrary<String> typed = Combinators.combine(
                        Arbitraries.of(
                                "ping", "message.send", "read", "typing", "presence", "rtc.signal", "unknown", ""),
                        objects(2))
                .as((type, body) -> {
                    ObjectNode frame = body.deepCopy();
                    frame.put("type", type);
                    if (frame.has("conversationId") && Math.abs(frame.hashCode()) % 2 == 0) {
                        frame.put("conversationId", conversation.toString());
                    }
                    return frame.toString();
                });
        Arbitrary<String> raw = Arbitraries.oneOf(
                Arbitraries.of("", "{", "[]", "null", "\"x\"", "{\"type\":5}", "[".repeat(50_000)),
                Arbitraries.strings().ofMaxLength(200));
        return Arbitraries.frequencyOf(Tuple.of(4, typed), Tuple.of(1, raw))
                .list()
                .ofMinSize(1)
                .ofMaxSize(8);
    }

    private static Arbitrary<ObjectNode> objects(int depth) {
        return Arbitraries.maps(keys(), values(depth)).ofMaxSize(8).map(fields -> {
            ObjectNode node = JSON.objectNode();
            fields.forEach(node::set);
            return node;
        });
    }

    private static Arbitrary<JsonNode> values(int depth) {
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
                Arbitraries.of(NASTY).map(JSON::textNode),
                Arbitraries.strings().ofMaxLength(30).map(JSON::textNode),
                Arbitraries.of(UUID.randomUUID().toString(), "2030-01-01T10:00:00Z", "usd", "free", "paid", "text")
                        .map(JSON::textNode),
                Arbitraries.longs().map(JSON::numberNode),
                Arbitraries.of(
                                JSON.numberNode(new BigInteger("1" + "0".repeat(40))),
                                JSON.numberNode(Double.MAX_VALUE),
                                JSON.numberNode(-0.0),
                                JSON.numberNode(1.5))
                        .map(n -> (JsonNode) n),
                Arbitraries.of(JSON.booleanNode(true), JSON.booleanNode(false), JSON.nullNode())
                        .map(n -> (JsonNode) n));
        if (depth == 0) {
            return leaves;
        }
        Arbitrary<JsonNode> arrays = values(depth - 1).list().ofMaxSize(5).map(items -> {
            ArrayNode array = JSON.arrayNode();
            items.forEach(array::add);
            return array;
        });
        return Arbitraries.frequencyOf(
                Tuple.of(5, leaves),
                Tuple.of(1, arrays),
                Tuple.of(1, objects(depth - 1).map(o -> (JsonNode) o)));
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(12));
    }

    private static void assertAnsweredBelow500(HttpRequest.Builder request) {
        long started = System.nanoTime();
        Answer answer = platform.send(request);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ANSWER_WITHIN);
        assertThat(answer.status()).as(answer.toString()).isLessThan(500);
        if (answer.status() >= 400) {
            assertThat(answer.contentType()).as(answer.toString()).isEqualTo("application/problem+json");
        }
    }

    private static HttpRequest.Builder authorised(HttpRequest.Builder request) {
        TestUser user = users.get(3 + Math.floorMod(NEXT_USER.getAndIncrement(), 3));
        return request.header("Authorization", "Bearer " + user.token());
    }

    private static URI uri(String pathAndQuery) {
        return platform.uri(platform.edge(), pathAndQuery);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
