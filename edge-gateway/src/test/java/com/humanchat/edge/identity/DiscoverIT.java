package com.humanchat.edge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.humanchat.edge.TestEdge;
import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.TestSocket;
import com.humanchat.infra.embedded.SharedTestInfra;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/discover}: hosts only (never suspended ones), full-text search ranked name > tags > bio, tag filter,
 * keyset pages, the online filter following sockets, and 400/401/503 problems. Every test works on its own words
 * and tags, since the database is shared by the tests of this class.
 */
class DiscoverIT {

    private static TestEdge edge;
    private static Vertx clientVertx;
    private static Account viewer;

    @BeforeAll
    static void startEdge() {
        edge = TestEdge.start("DiscoverIT");
        clientVertx = Vertx.vertx();
        viewer = register("discover-viewer", "user");
    }

    @AfterAll
    static void stopEdge() throws Exception {
        if (clientVertx != null) {
            clientVertx.close().await(10, TimeUnit.SECONDS);
        }
        if (edge != null) {
            edge.close();
        }
    }

    @Test
    void findsHostsByNameTagAndBioRankedByWhereTheWordIs() throws Exception {
        String word = uniqueWord();
        Account inBio = host("Bio Person", new JsonObject().put("bio", "I talk about " + word + " every day"));
        Account inTags = host(
                "Tag Person",
                new JsonObject().put("tags", new JsonArray().add(word).add("other")));
        Account inName = host("Name " + word, new JsonObject());
        Account notAHost = register("User " + word, "user");
        Account suspended = host("Suspended " + word, new JsonObject());
        suspend(suspended.id());
        host("Unrelated Host", new JsonObject().put("bio", "nothing to see"));

        JsonObject page = ok(discover("q=" + word));

        assertThat(ids(page)).containsExactly(inName.id(), inTags.id(), inBio.id());
        assertThat(page.getValue("nextCursor")).isNull();
        assertThat(ids(page)).doesNotContain(notAHost.id(), suspended.id());
        JsonObject first = page.getJsonArray("items").getJsonObject(0);
        assertThat(first.fieldNames())
                .as("an item is the public profile")
                .containsExactlyInAnyOrderElementsOf(UserProfileIT.PUBLIC_PROFILE_FIELDS);
        assertThat(first.getJsonArray("roles").getList()).contains("host");
        assertThat(first.getValue("rating")).as("nobody rated the host").isNull();
        assertThat(first.getJsonObject("presence").getString("status")).isEqualTo("offline");

        assertThat(ids(ok(discover("q=" + word.toUpperCase() + "+" + word))))
                .containsExactly(inName.id(), inTags.id(), inBio.id());
        assertThat(ids(ok(discover("q=" + encode("\"Name " + word + "\""))))).containsExactly(inName.id());
        // websearch syntax: a minus excludes (ts_rank of a negated query says little, so no order is asserted).
        assertThat(ids(ok(discover("q=" + word + "+-name")))).containsExactlyInAnyOrder(inTags.id(), inBio.id());
    }

    @Test
    void excludesNonHostsAndSuspendedHostsFromTheListing() throws Exception {
        String tag = uniqueWord();
        Account listed = host("Listed Host", new JsonObject().put("tags", new JsonArray().add(tag)));
        Account user = register("Plain User", "user");
        assertThat(patch(user, new JsonObject().put("tags", new JsonArray().add(tag)))
                        .status())
                .isEqualTo(200);
        Account suspended = host("Suspended Host", new JsonObject().put("tags", new JsonArray().add(tag)));
        suspend(suspended.id());

        assertThat(ids(ok(discover("tag=" + tag)))).containsExactly(listed.id());
    }

    @Test
    void filtersByEveryTagGivenNormalised() {
        String common = uniqueWord();
        String rare = uniqueWord();
        Account both = host(
                "Alpha Both",
                new JsonObject().put("tags", new JsonArray().add(common).add(rare)));
        Account commonOnly = host("Beta Common", new JsonObject().put("tags", new JsonArray().add(common)));

        assertThat(ids(ok(discover("tag=" + common)))).containsExactlyInAnyOrder(both.id(), commonOnly.id());
        assertThat(ids(ok(discover("tag=" + encode("  " + rare.toUpperCase() + " ")))))
                .containsExactly(both.id());
        assertThat(ids(ok(discover("tag=" + common + "&tag=" + rare)))).containsExactly(both.id());
        assertThat(ids(ok(discover("tag=" + uniqueWord())))).isEmpty();
    }

    @Test
    void pagesThroughEveryHostWithoutDuplicatesOrGaps() {
        String tag = uniqueWord();
        for (String name : List.of("Page G", "Page C", "Page A", "Page F", "Page B", "Page B", "Page E")) {
            host(name, new JsonObject().put("tags", new JsonArray().add(tag)));
        }
        List<UUID> all = ids(ok(discover("tag=" + tag + "&limit=50")));
        assertThat(all).hasSize(7);

        List<Integer> sizes = new ArrayList<>();
        List<UUID> paged = collectPages("tag=" + tag + "&limit=3", sizes);

        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(paged).containsExactlyElementsOf(all).doesNotHaveDuplicates();
        List<String> names = ok(discover("tag=" + tag + "&limit=50")).getJsonArray("items").stream()
                .map(item -> ((JsonObject) item).getString("displayName"))
                .toList();
        assertThat(names).containsExactly("Page A", "Page B", "Page B", "Page C", "Page E", "Page F", "Page G");
    }

    @Test
    void pagesThroughRankedSearchResultsWithoutDuplicatesOrGaps() {
        String word = uniqueWord();
        List<UUID> named = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            named.add(host("Ranked " + word + " " + i, new JsonObject()).id());
        }
        List<UUID> bios = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            bios.add(host("Ranked bio " + i, new JsonObject().put("bio", "mentions " + word))
                    .id());
        }
        List<UUID> all = ids(ok(discover("q=" + word + "&limit=50")));
        assertThat(all).hasSize(7);
        assertThat(all.subList(0, 2)).containsExactlyInAnyOrderElementsOf(named);
        assertThat(all.subList(2, 7)).containsExactlyInAnyOrderElementsOf(bios);

        List<Integer> sizes = new ArrayList<>();
        List<UUID> paged = collectPages("q=" + word + "&limit=2", sizes);

        assertThat(sizes).containsExactly(2, 2, 2, 1);
        assertThat(paged).containsExactlyElementsOf(all).doesNotHaveDuplicates();
    }

    @Test
    void onlineKeepsOnlyHostsWithASocket() {
        String tag = uniqueWord();
        List<Account> hosts = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            hosts.add(host("Online " + i, new JsonObject().put("tags", new JsonArray().add(tag))));
        }
        JsonObject nobody = ok(discover("tag=" + tag + "&online=true"));
        assertThat(ids(nobody)).isEmpty();
        assertThat(nobody.getValue("nextCursor")).isNull();

        List<Account> connected = List.of(hosts.get(0), hosts.get(2), hosts.get(3));
        List<TestSocket> sockets = new ArrayList<>();
        try {
            for (Account host : connected) {
                TestSocket socket = TestSocket.connect(clientVertx, edge.edge().port(), host.token(), null);
                sockets.add(socket);
                socket.await(f -> "hello".equals(f.getString("type")));
            }
            List<UUID> connectedIds = connected.stream().map(Account::id).toList();
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(ids(ok(discover("tag=" + tag + "&online=true"))))
                            .containsExactlyElementsOf(connectedIds));

            JsonObject first = ok(discover("tag=" + tag + "&online=true&limit=2"));
            assertThat(ids(first)).containsExactlyElementsOf(connectedIds.subList(0, 2));
            assertThat(first.getJsonArray("items").stream().map(item -> ((JsonObject) item)
                            .getJsonObject("presence")
                            .getString("status")))
                    .containsOnly("online");
            JsonObject second =
                    ok(discover("tag=" + tag + "&online=true&limit=2&cursor=" + first.getString("nextCursor")));
            assertThat(ids(second)).containsExactly(connectedIds.get(2));
            assertThat(second.getValue("nextCursor")).isNull();

            JsonArray everyone = ok(discover("tag=" + tag)).getJsonArray("items");
            assertThat(everyone.stream().map(item -> ((JsonObject) item)
                            .getJsonObject("presence")
                            .getString("status")))
                    .containsExactly("online", "offline", "online", "online", "offline");
        } finally {
            sockets.forEach(TestSocket::close);
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(ids(ok(discover("tag=" + tag + "&online=true"))))
                        .isEmpty());
    }

    /** Issue 23, finding 9: a stranger learns nothing of a host's presence unless the host made it public. */
    @Test
    void aHostWhoKeptPresencePrivateShowsNoneToStrangersAndIsNeverOnlineForThem() {
        String tag = uniqueWord();
        Account open = host("Open Host", new JsonObject().put("tags", new JsonArray().add(tag)));
        Account discreet = privateHost("Discreet Host", new JsonObject().put("tags", new JsonArray().add(tag)));
        List<TestSocket> sockets = new ArrayList<>();
        try {
            for (Account host : List.of(open, discreet)) {
                TestSocket socket = TestSocket.connect(clientVertx, edge.edge().port(), host.token(), null);
                sockets.add(socket);
                socket.await(f -> "hello".equals(f.getString("type")));
            }
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(ids(ok(discover("tag=" + tag + "&online=true"))))
                            .containsExactly(open.id()));

            JsonArray listing = ok(discover("tag=" + tag)).getJsonArray("items");
            assertThat(listing.getJsonObject(0).getString("id"))
                    .isEqualTo(discreet.id().toString());
            assertThat(listing.getJsonObject(0).containsKey("presence")).isFalse();
            assertThat(listing.getJsonObject(1).getJsonObject("presence").getString("status"))
                    .isEqualTo("online");

            assertThat(presenceVisibility(discreet, false).json().getBoolean("public"))
                    .isFalse();
            Answer badBody = edge.send(HttpRequest.newBuilder(edge.uri("/api/me/presence-visibility"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + discreet.token())
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"public\": \"yes\"}")));
            assertThat(badBody.status()).isEqualTo(400);
        } finally {
            sockets.forEach(TestSocket::close);
        }
    }

    @Test
    void refusesBadParametersAndForeignCursorsWith400() {
        String listingCursor = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new JsonObject()
                        .put("v", 1)
                        .put("id", UUID.randomUUID().toString())
                        .put("name", "Someone")
                        .encode()
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(discover("cursor=" + listingCursor).status()).isEqualTo(200);

        for (String query : List.of(
                "limit=0",
                "limit=51",
                "limit=ten",
                "limit=-1",
                "cursor=not-a-cursor",
                "cursor=" + Base64.getUrlEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8)),
                "cursor=" + Base64.getUrlEncoder().encodeToString("[1,2]".getBytes(StandardCharsets.UTF_8)),
                "cursor=" + listingCursor + "&q=anything",
                "online=maybe",
                "tag=" + "t".repeat(41),
                "q=" + "q".repeat(201),
                "q=%00")) {
            Answer answer = discover(query);
            assertThat(answer.status()).as("%s → %s", query, answer).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void requiresABearerToken() {
        assertThat(edge.get("/api/discover").status()).isEqualTo(401);
        assertThat(edge.get("/api/discover", "forged.token.value").status()).isEqualTo(401);
    }

    @Test
    void onlineAnswers503AndPresenceIsUnknownWhileRedisIsDown() {
        SharedTestInfra infra = SharedTestInfra.get();
        assumeTrue(infra.hasEmbeddedRedis(), "needs the embedded Redis to stop it");
        String tag = uniqueWord();
        Account host = host("Redisless Host", new JsonObject().put("tags", new JsonArray().add(tag)));
        infra.embeddedRedis().stop();
        try {
            Answer online = discover("tag=" + tag + "&online=true");
            assertThat(online.status()).as(online.toString()).isEqualTo(503);
            assertThat(online.contentType()).startsWith("application/problem+json");
            assertThat(online.json().getString("detail")).isEqualTo("presence unavailable");
            assertThat(online.headers().firstValue("Retry-After")).isPresent();

            JsonObject listing = ok(discover("tag=" + tag));
            assertThat(ids(listing)).containsExactly(host.id());
            assertThat(listing.getJsonArray("items")
                            .getJsonObject(0)
                            .getJsonObject("presence")
                            .getString("status"))
                    .isEqualTo("unknown");
        } finally {
            infra.embeddedRedis().start();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private record Account(UUID id, String token) {}

    /** Lower-case letters only, so every text-search parser sees one plain word. */
    private static String uniqueWord() {
        StringBuilder word = new StringBuilder("w");
        for (char c :
                UUID.randomUUID().toString().replace("-", "").substring(0, 12).toCharArray()) {
            word.append((char) ('a' + Character.digit(c, 16)));
        }
        return word.toString();
    }

    private static Account register(String displayName, String role) {
        Answer answer = edge.post(
                "/api/auth/register",
                TestEdge.registration(TestEdge.uniqueEmail("discover"), "a long enough password", displayName)
                        .put("role", role));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        JsonObject body = answer.json();
        return new Account(UUID.fromString(body.getJsonObject("user").getString("id")), body.getString("accessToken"));
    }

    /** A host who shows their presence to everyone (Discover's "online now" is about them only). */
    private static Account host(String displayName, JsonObject profile) {
        Account host = privateHost(displayName, profile);
        Answer shown = presenceVisibility(host, true);
        assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
        assertThat(shown.json().getBoolean("public")).isTrue();
        return host;
    }

    /** A host who kept the default: presence for those who share a conversation with them only. */
    private static Account privateHost(String displayName, JsonObject profile) {
        Account host = register(displayName, "host");
        Answer answer = patch(host, profile);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return host;
    }

    private static Answer presenceVisibility(Account account, boolean visibleToEveryone) {
        return edge.send(HttpRequest.newBuilder(edge.uri("/api/me/presence-visibility"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + account.token())
                .PUT(HttpRequest.BodyPublishers.ofString(
                        new JsonObject().put("public", visibleToEveryone).encode())));
    }

    private static Answer patch(Account account, JsonObject profile) {
        return edge.send(HttpRequest.newBuilder(edge.uri("/api/me/profile"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + account.token())
                .method("PATCH", HttpRequest.BodyPublishers.ofString(profile.encode())));
    }

    private static void suspend(UUID userId) throws Exception {
        try (Connection db = edge.jdbc();
                PreparedStatement update = db.prepareStatement("update users set suspended = true where id = ?")) {
            update.setObject(1, userId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static Answer discover(String query) {
        return edge.get("/api/discover?" + query, viewer.token());
    }

    private static JsonObject ok(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static List<UUID> ids(JsonObject page) {
        return page.getJsonArray("items").stream()
                .map(item -> UUID.fromString(((JsonObject) item).getString("id")))
                .toList();
    }

    /** Follows {@code nextCursor} until it is null; records the size of each page. */
    private static List<UUID> collectPages(String query, List<Integer> sizes) {
        List<UUID> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = ok(discover(query + (cursor == null ? "" : "&cursor=" + cursor)));
            List<UUID> pageIds = ids(page);
            sizes.add(pageIds.size());
            ids.addAll(pageIds);
            cursor = page.getString("nextCursor");
            assertThat(sizes).as("pages").hasSizeLessThan(20);
        } while (cursor != null);
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        return ids;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
