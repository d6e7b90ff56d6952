package com.humanchat.edge.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.edge.Edge;
import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.PlatformHarness;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import com.humanchat.edge.chat.TestSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Blocks and reports end to end, over the real broker, topologies, projector, PostgreSQL and Redis of the platform
 * harness: every path of a blocked user to the blocker is refused with the same neutral answer, the blocker's presence
 * and typing never reach them, and a report goes through the queue to a resolution the reporter is told of.
 */
class SafetyIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();
    private static final Duration DECIDED = Duration.ofSeconds(30);
    private static final String NOT_ACCEPTING = "not-accepting";

    /** An edge that takes payments (holds a webhook secret), for the tip. */
    private static Edge payEdge;

    @BeforeAll
    static void start() {
        payEdge = PLATFORM.startExtraEdge(
                "edge-safety", Map.of("HUMANCHAT_STRIPE_WEBHOOK_SECRET", "whsec_safety_it_" + UUID.randomUUID()));
    }

    @Test
    void aBlockedUserCannotMessageBookTipOrOpenAConversationWithTheBlockerUntilUnblocked() {
        TestUser host = PLATFORM.register("blocking host", "host");
        TestUser guest = PLATFORM.register("pest");
        TestUser third = PLATFORM.register("bystander");
        UUID conversation = PLATFORM.directConversation(guest, host);
        assertThat(send(guest, conversation, "hello").status()).isEqualTo(201);

        Answer blocked = PLATFORM.post(
                "/api/blocks",
                host.token(),
                new JsonObject().put("userId", guest.id().toString()));
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(201);
        assertThat(PLATFORM.post(
                                "/api/blocks",
                                host.token(),
                                new JsonObject().put("userId", guest.id().toString()))
                        .status())
                .as("blocking again changes nothing")
                .isEqualTo(200);
        assertThat(PLATFORM.get("/api/blocks", host.token()).json().getJsonArray("items"))
                .singleElement()
                .satisfies(item -> assertThat(((JsonObject) item).getString("userId"))
                        .isEqualTo(guest.id().toString()));

        // REST: once the block reached the conversation topology, every send is refused, neutrally
        await().atMost(DECIDED)
                .until(() -> send(guest, conversation, "still there?").status() == 403);
        Answer refused = send(guest, conversation, "hello?");
        assertNeutral(refused);

        // the socket frame meets the same decision
        try (TestSocket guestSocket = PLATFORM.connect(guest)) {
            guestSocket.send(new JsonObject()
                    .put("type", "message.send")
                    .put("conversationId", conversation.toString())
                    .put("clientMessageId", "ws-" + UUID.randomUUID())
                    .put("content", "over the socket"));
            JsonObject error = guestSocket.await(f -> "error".equals(f.getString("type")));
            assertThat(error.getString("code")).isEqualTo("not_accepting");
            assertThat(error.encode()).doesNotContainIgnoringCase("block");
        }

        // a new conversation with the blocker (a group naming them) is refused too
        Answer group = PLATFORM.post(
                "/api/conversations",
                guest.token(),
                new JsonObject()
                        .put("type", "group")
                        .put(
                                "participantIds",
                                new JsonArray(
                                        List.of(host.id().toString(), third.id().toString()))));
        assertNeutral(group);

        // booking
        assertNeutral(PLATFORM.post("/api/sessions", guest.token(), booking(host)));

        // tipping, refused at admission; without the block the same tip meets another refusal (no tips welcome)
        JsonObject tip = new JsonObject()
                .put("hostUserId", host.id().toString())
                .put("amountCents", 300)
                .put("currency", "usd");
        assertNeutral(PLATFORM.post(payEdge, "/api/payments/donations", guest.token(), tip.encode()));
        assertThat(PLATFORM.post(payEdge, "/api/payments/donations", third.token(), tip.encode())
                        .status())
                .isEqualTo(422);

        // the blocker still writes and both still read the conversation
        assertThat(send(host, conversation, "goodbye").status()).isEqualTo(201);
        await().atMost(DECIDED).untilAsserted(() -> {
            assertThat(history(host, conversation)).contains("hello", "goodbye");
            assertThat(history(guest, conversation)).contains("hello", "goodbye");
        });

        // unblocking restores every path
        assertThat(PLATFORM.send(java.net.http.HttpRequest.newBuilder(
                                        PLATFORM.uri(PLATFORM.edge(), "/api/blocks/" + guest.id()))
                                .header("Authorization", "Bearer " + host.token())
                                .DELETE())
                        .status())
                .isEqualTo(204);
        assertThat(PLATFORM.get("/api/blocks", host.token()).json().getJsonArray("items"))
                .isEmpty();
        await().atMost(DECIDED).until(() -> send(guest, conversation, "sorry").status() == 201);
        Answer booked = PLATFORM.post("/api/sessions", guest.token(), booking(host));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
    }

    @Test
    void aHostTakesFirstContactThroughRequestsOnlyOrUpToTheirDailyCapAndStrangersAreToldInPlainWords() {
        TestUser host = PLATFORM.register("popular host", "host");
        TestUser third = PLATFORM.register("late fan");

        Answer capped = PLATFORM.put(
                "/api/me/inbound-policy",
                host.token(),
                new JsonObject().put("requestFirst", false).put("maxNewConversationsPerDay", 1));
        assertThat(capped.status()).as(capped.toString()).isEqualTo(200);
        assertThat(PLATFORM.get("/api/me/inbound-policy", host.token()).json().getInteger("maxNewConversationsPerDay"))
                .isEqualTo(1);
        JsonObject toHost = new JsonObject()
                .put("participantIds", new JsonArray(List.of(host.id().toString())));

        // once the policy reached the topology, one stranger of the day gets through and the next one does not
        TestUser[] admitted = {null};
        await().atMost(DECIDED).until(() -> {
            TestUser stranger = PLATFORM.register("stranger");
            int status = PLATFORM.post("/api/conversations", stranger.token(), toHost)
                    .status();
            if (status == 201) {
                admitted[0] = stranger;
            }
            return status == 429;
        });
        Answer over = PLATFORM.post("/api/conversations", third.token(), toHost);
        assertThat(over.status()).as(over.toString()).isEqualTo(429);
        assertThat(over.json().getString("type")).endsWith("/inbound-limit");
        assertThat(over.json().getString("detail"))
                .isEqualTo("This host takes at most 1 new conversation a day and has reached that today. Try again"
                        + " tomorrow, or send them a request.");
        assertThat(PLATFORM.post("/api/conversations", admitted[0].token(), toHost)
                        .status())
                .as("the admitted conversation opens again")
                .isEqualTo(200);

        assertThat(PLATFORM.put("/api/me/inbound-policy", host.token(), new JsonObject().put("requestFirst", true))
                        .status())
                .isEqualTo(200);
        await().atMost(DECIDED)
                .until(() -> PLATFORM.post("/api/conversations", third.token(), toHost)
                                .status()
                        == 403);
        assertNeutral(PLATFORM.post("/api/conversations", third.token(), toHost));
    }

    @Test
    void aBlockedUserCannotSendAManagedRequestToTheHostOrTheirManager() {
        TestUser host = PLATFORM.register("managed blocker", "host");
        TestUser manager = PLATFORM.register("their manager");
        PLATFORM.manage(host, manager);
        TestUser guest = PLATFORM.register("persistent fan");
        TestUser other = PLATFORM.register("polite fan");

        assertThat(PLATFORM.post(
                                "/api/blocks",
                                manager.token(),
                                new JsonObject().put("userId", guest.id().toString()))
                        .status())
                .isEqualTo(201);
        JsonObject ask =
                new JsonObject().put("hostUserId", host.id().toString()).put("message", "5 minutes?");

        await().atMost(DECIDED)
                .until(() -> PLATFORM.post("/api/requests", guest.token(), ask).status() == 403);
        assertNeutral(PLATFORM.post("/api/requests", guest.token(), ask));
        Answer polite = PLATFORM.post("/api/requests", other.token(), ask);
        assertThat(polite.status()).as("someone not blocked still asks").isEqualTo(201);
    }

    @Test
    void theBlockersPresenceAndTypingNeverReachTheBlockedUserWhileOthersStillSeeThem() {
        TestUser host = PLATFORM.register("quiet host", "host");
        TestUser guest = PLATFORM.register("watcher");
        TestUser carol = PLATFORM.register("friend");
        Answer created = PLATFORM.post(
                "/api/conversations",
                host.token(),
                new JsonObject()
                        .put("type", "group")
                        .put(
                                "participantIds",
                                new JsonArray(List.of(
                                        guest.id().toString(), carol.id().toString()))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID group = UUID.fromString(created.json().getString("conversationId"));
        assertThat(PLATFORM.post(
                                "/api/blocks",
                                host.token(),
                                new JsonObject().put("userId", guest.id().toString()))
                        .status())
                .isEqualTo(201);

        // the guest's socket is on the replica that took the block; carol's on the other one, which learns it too
        try (TestSocket guestSocket = PLATFORM.connect(guest);
                TestSocket carolSocket = PLATFORM.connect(PLATFORM.otherEdge(), carol, null)) {
            guestSocket.await(f -> "hello".equals(f.getString("type")));
            carolSocket.await(f -> "hello".equals(f.getString("type")));
            try (TestSocket hostSocket = PLATFORM.connect(host)) {
                hostSocket.await(f -> "hello".equals(f.getString("type")));
                carolSocket.awaitFrame(
                        "presence",
                        new JsonObject().put("userId", host.id().toString()).put("status", "online"));
                hostSocket.send(new JsonObject()
                        .put("type", "typing")
                        .put("conversationId", group.toString())
                        .put("isTyping", true));
                carolSocket.awaitFrame(
                        "typing", new JsonObject().put("userId", host.id().toString()));

                // the profile shows the blocker offline to the one they blocked, online to the others
                assertThat(PLATFORM.get("/api/users/" + host.id(), carol.token())
                                .json()
                                .getJsonObject("presence")
                                .getString("status"))
                        .isEqualTo("online");
                assertThat(PLATFORM.get("/api/users/" + host.id(), guest.token())
                                .json()
                                .getJsonObject("presence")
                                .getString("status"))
                        .isEqualTo("offline");

                guestSocket.send(new JsonObject().put("type", "ping"));
                guestSocket.await(f -> "pong".equals(f.getString("type")));
                assertThat(guestSocket.frames())
                        .as("nothing of the blocker's presence or typing reached the blocked user")
                        .noneMatch(f -> host.id().toString().equals(f.getString("userId"))
                                && ("presence".equals(f.getString("type")) || "typing".equals(f.getString("type"))));
            }
        }
    }

    @Test
    void aReportGoesThroughTheQueueToAnAuditedResolutionTheReporterIsToldOf() {
        TestUser admin = PLATFORM.admin();
        TestUser reporter = PLATFORM.register("reporter");
        TestUser witness = PLATFORM.register("witness");
        TestUser offender = PLATFORM.register("offender");
        UUID conversation = PLATFORM.directConversation(reporter, offender);
        Answer abusive = send(offender, conversation, "you are worthless");
        assertThat(abusive.status()).isEqualTo(201);
        String messageId = abusive.json().getString("id");

        try (TestSocket reporterSocket = PLATFORM.connect(PLATFORM.otherEdge(), reporter, null)) {
            reporterSocket.await(f -> "hello".equals(f.getString("type")));
            Answer reported = PLATFORM.post(
                    "/api/reports",
                    reporter.token(),
                    new JsonObject()
                            .put("targetType", "message")
                            .put("targetId", messageId)
                            .put("reason", "harassment")
                            .put("details", "insults after I declined"));
            assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
            String reportId = reported.json().getString("reportId");
            assertThat(reported.json().getString("status")).isEqualTo("open");
            // someone who cannot see the message cannot report it: the same 404 as no message at all
            assertThat(PLATFORM.post(
                                    "/api/reports",
                                    witness.token(),
                                    new JsonObject()
                                            .put("targetType", "message")
                                            .put("targetId", messageId)
                                            .put("reason", "spam"))
                            .status())
                    .isEqualTo(404);
            Answer profileReport = PLATFORM.post(
                    "/api/reports",
                    witness.token(),
                    new JsonObject()
                            .put("targetType", "profile")
                            .put("targetId", offender.id().toString())
                            .put("reason", "impersonation"));
            assertThat(profileReport.status()).isEqualTo(201);
            // the profile changes after the report: the queue keeps it as it was reported
            assertThat(PLATFORM.patch(
                                    "/api/me/profile",
                                    offender.token(),
                                    new JsonObject().put("displayName", "renamed offender"))
                            .status())
                    .isEqualTo(200);

            // the queue is the admins'
            assertThat(PLATFORM.get("/api/admin/reports", reporter.token()).status())
                    .isEqualTo(403);
            JsonObject group = offenderGroup(admin, offender);
            assertThat(group.getInteger("openReports")).isEqualTo(2);
            JsonArray reports = group.getJsonArray("reports");
            JsonObject messageEntry = entry(reports, reportId);
            assertThat(messageEntry.getJsonObject("content").getString("content"))
                    .isEqualTo("you are worthless");
            assertThat(messageEntry.getJsonObject("reporter").getString("email"))
                    .isEqualTo(reporter.email());
            JsonObject profileEntry = entry(reports, profileReport.json().getString("reportId"));
            assertThat(profileEntry.getJsonObject("content").getString("displayName"))
                    .isEqualTo("offender");
            // the reporter's own list never names who else reported, and the reported user learns nothing
            assertThat(PLATFORM.get("/api/reports", offender.token()).json().getJsonArray("items"))
                    .isEmpty();

            Answer resolved = PLATFORM.post(
                    "/api/admin/reports/" + reportId + "/resolve",
                    admin.token(),
                    new JsonObject().put("action", "hide_message").put("note", "clear harassment"));
            assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
            assertThat(resolved.json().getString("outcome")).isEqualTo("action_taken");

            JsonObject told = reporterSocket.await(f -> "report.resolved".equals(f.getString("type")));
            assertThat(told.getString("reportId")).isEqualTo(reportId);
            assertThat(told.getString("outcome")).isEqualTo("action_taken");
            JsonObject mine = PLATFORM.get("/api/reports", reporter.token())
                    .json()
                    .getJsonArray("items")
                    .getJsonObject(0);
            assertThat(mine.getString("status")).isEqualTo("resolved");
            assertThat(mine.getString("outcome")).isEqualTo("action_taken");
            JsonArray audit =
                    PLATFORM.get("/api/admin/audit", admin.token()).json().getJsonArray("items");
            assertThat(audit.stream()
                            .map(JsonObject.class::cast)
                            .filter(e -> "report.resolve".equals(e.getString("action")))
                            .map(e -> e.getJsonObject("details")))
                    .anySatisfy(details -> {
                        assertThat(details.getString("reportId")).isEqualTo(reportId);
                        assertThat(details.getString("action")).isEqualTo("hide_message");
                        assertThat(details.getString("note")).isEqualTo("clear harassment");
                    });
            await().atMost(DECIDED).untilAsserted(() -> assertThat(history(reporter, conversation))
                    .doesNotContain("you are worthless"));
            assertThat(PLATFORM.post(
                                    "/api/admin/reports/" + reportId + "/resolve",
                                    admin.token(),
                                    new JsonObject().put("action", "dismiss").put("note", "again"))
                            .status())
                    .isEqualTo(409);

            // a suspension through the queue suspends the account, audited both as the suspension and the resolution
            Answer suspended = PLATFORM.post(
                    "/api/admin/reports/" + profileReport.json().getString("reportId") + "/resolve",
                    admin.token(),
                    new JsonObject().put("action", "suspend").put("note", "impersonates a host"));
            assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
            assertThat(PLATFORM.get("/api/auth/me", offender.token()).status()).isEqualTo(403);
            assertThat(offenderGroupOrNull(admin, offender))
                    .as("nothing of theirs is open any more")
                    .isNull();
        }
    }

    private static JsonObject offenderGroup(TestUser admin, TestUser offender) {
        JsonObject group = offenderGroupOrNull(admin, offender);
        assertThat(group).as("the offender's group in the queue").isNotNull();
        return group;
    }

    private static JsonObject offenderGroupOrNull(TestUser admin, TestUser offender) {
        Answer queue = PLATFORM.get("/api/admin/reports", admin.token());
        assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
        return queue.json().getJsonArray("groups").stream()
                .map(JsonObject.class::cast)
                .filter(g -> g.getJsonObject("reportedUser") != null
                        && offender.id()
                                .toString()
                                .equals(g.getJsonObject("reportedUser").getString("id")))
                .findFirst()
                .orElse(null);
    }

    private static JsonObject entry(JsonArray reports, String reportId) {
        return reports.stream()
                .map(JsonObject.class::cast)
                .filter(r -> reportId.equals(r.getString("reportId")))
                .findFirst()
                .orElseThrow();
    }

    /** The neutral refusal: 403 not-accepting, the same words whatever was refused, never naming a block. */
    private static void assertNeutral(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        JsonObject problem = answer.json();
        assertThat(problem.getString("type")).endsWith("/" + NOT_ACCEPTING);
        assertThat(problem.getString("detail"))
                .isEqualTo("They are not accepting this from you. If they take requests, you can send one from their"
                        + " profile.");
        assertThat(answer.body()).doesNotContainIgnoringCase("block");
    }

    private static Answer send(TestUser sender, UUID conversation, String content) {
        return PLATFORM.post(
                "/api/conversations/" + conversation + "/messages",
                sender.token(),
                new JsonObject()
                        .put("clientMessageId", "c-" + UUID.randomUUID())
                        .put("content", content));
    }

    private static String history(TestUser reader, UUID conversation) {
        Answer answer = PLATFORM.get("/api/conversations/" + conversation + "/messages", reader.token());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body();
    }

    private static JsonObject booking(TestUser host) {
        return new JsonObject()
                .put("hostUserId", host.id().toString())
                .put(
                        "startTime",
                        Instant.now()
                                .plus(3, ChronoUnit.DAYS)
                                .truncatedTo(ChronoUnit.HOURS)
                                .toString())
                .put("durationMinutes", 30)
                .put("agreedPrice", new JsonObject().put("amountCents", 0).put("currency", "usd"))
                .put("paymentMode", "free");
    }
}
