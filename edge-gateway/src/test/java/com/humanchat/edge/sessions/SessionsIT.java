package com.humanchat.edge.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sessions end to end over HTTP and WebSocket on two edge replicas, the real session topology, projector and
 * PostgreSQL: discovery, a booking from a chat, the host's decision, the thread's system messages, call signalling,
 * completion — and everyone else kept out.
 */
class SessionsIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();

    @Test
    void aGuestDiscoversAHostBooksFromTheChatTheHostAcceptsTheyCallAndComplete() {
        String topic = "pgscale" + UUID.randomUUID().toString().substring(0, 6);
        TestUser host = PLATFORM.register("Host " + topic, "host");
        TestUser guest = PLATFORM.register("guest");
        TestUser stranger = PLATFORM.register("stranger");
        assertThat(PLATFORM.patch(
                                "/api/me/profile",
                                host.token(),
                                new JsonObject()
                                        .put("bio", "I scaled a Postgres cluster to " + topic)
                                        .put("tags", new JsonArray().add(topic)))
                        .status())
                .isEqualTo(200);

        Answer found = PLATFORM.get("/api/discover?q=" + topic, guest.token());
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(ids(found.json().getJsonArray("items"), "id"))
                .containsExactly(host.id().toString());

        UUID conversation = PLATFORM.directConversation(guest, host);
        try (TestSocket guestSocket = PLATFORM.connect(guest);
                TestSocket hostSocket = PLATFORM.connect(PLATFORM.otherEdge(), host, null);
                TestSocket strangerSocket = PLATFORM.connect(stranger)) {
            hello(guestSocket, hostSocket, strangerSocket);

            // it starts in five minutes, so it can be started at once (from ten minutes before its start)
            Answer booked = PLATFORM.post("/api/sessions", guest.token(), booking(host, conversation, soon(), 30));
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
            JsonObject session = booked.json();
            String sessionId = session.getString("sessionId");
            assertThat(session.getString("status")).isEqualTo("requested");
            assertThat(session.getString("guestUserId")).isEqualTo(guest.id().toString());
            assertThat(session.getString("conversationId")).isEqualTo(conversation.toString());
            awaitSession(guestSocket, sessionId, "requested");
            awaitSession(hostSocket, sessionId, "requested");

            // nobody but the two participants sees or changes it
            assertThat(PLATFORM.get("/api/sessions/" + sessionId, stranger.token())
                            .status())
                    .isEqualTo(404);
            assertThat(transition(stranger, sessionId, "cancelled").status()).isEqualTo(404);
            // the guest cannot accept their own request
            assertThat(transition(guest, sessionId, "accepted").status()).isEqualTo(409);
            // a call cannot start before the session is confirmed
            guestSocket.send(offer(sessionId));
            guestSocket.awaitFrame("error", new JsonObject().put("code", "unknown_session"));

            Answer accepted = transition(host, sessionId, "accepted");
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
            assertThat(accepted.json().getString("status")).isEqualTo("confirmed");
            for (TestSocket socket : List.of(guestSocket, hostSocket)) {
                awaitSession(socket, sessionId, "accepted");
                awaitSession(socket, sessionId, "confirmed");
            }
            assertThat(conversationOf(guest, conversation).getString("linkedSessionId"))
                    .isEqualTo(sessionId);

            // the call: offer and answer relayed between the two sockets, across replicas; never to a stranger
            guestSocket.send(offer(sessionId));
            JsonObject relayedOffer = hostSocket.awaitFrame("rtc.signal", new JsonObject().put("sessionId", sessionId));
            assertThat(relayedOffer.getString("fromUserId"))
                    .isEqualTo(guest.id().toString());
            assertThat(relayedOffer.getJsonObject("payload").getString("type")).isEqualTo("offer");
            hostSocket.send(new JsonObject()
                    .put("type", "rtc.signal")
                    .put("sessionId", sessionId)
                    .put("payload", new JsonObject().put("type", "answer").put("sdp", "v=0 answer")));
            JsonObject relayedAnswer = guestSocket.awaitFrame(
                    "rtc.signal", new JsonObject().put("fromUserId", host.id().toString()));
            assertThat(relayedAnswer.getJsonObject("payload").getString("sdp")).isEqualTo("v=0 answer");
            strangerSocket.send(offer(sessionId));
            strangerSocket.awaitFrame("error", new JsonObject().put("code", "unknown_session"));
            assertThat(PLATFORM.get("/api/sessions/" + sessionId + "/ice-servers", guest.token())
                            .status())
                    .isEqualTo(200);

            Answer preview = PLATFORM.get("/api/sessions/" + sessionId + "/cancellation", guest.token());
            assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
            assertThat(preview.json().getString("message"))
                    .isEqualTo("nothing was paid, so there is nothing to refund");
            assertThat(PLATFORM.get("/api/sessions/" + sessionId + "/cancellation", stranger.token())
                            .status())
                    .isEqualTo(404);

            assertThat(transition(guest, sessionId, "in_progress").status()).isEqualTo(200);
            Answer completed = transition(host, sessionId, "completed");
            assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
            assertThat(completed.json().getString("status")).isEqualTo("completed");
            assertThat(completed.json().getLong("actualDurationSeconds"))
                    .isNotNull()
                    .isNotNegative();
            awaitSession(guestSocket, sessionId, "completed");
            assertThat(transition(host, sessionId, "cancelled").status()).isEqualTo(409);

            // the thread tells the story in system messages, in order
            List<String> notices = guestSocket.messages(conversation).stream()
                    .filter(m -> "system".equals(m.getString("type")))
                    .map(m -> m.getJsonArray("actions").getJsonObject(0).getString("status"))
                    .distinct()
                    .toList();
            assertThat(notices).containsSubsequence("requested", "accepted", "confirmed", "in_progress", "completed");
            assertThat(strangerSocket.frames("session.updated")).isEmpty();
            assertThat(strangerSocket.frames("rtc.signal")).isEmpty();

            Answer mine = PLATFORM.get("/api/sessions", host.token());
            assertThat(ids(mine.json().getJsonArray("items"), "sessionId")).contains(sessionId);
            assertThat(ids(
                            PLATFORM.get("/api/sessions", stranger.token())
                                    .json()
                                    .getJsonArray("items"),
                            "sessionId"))
                    .doesNotContain(sessionId);
        }
    }

    @Test
    void aSecondOverlappingBookingOfAHostIsRejectedUntilTheFirstIsDeclined() {
        TestUser host = PLATFORM.register("busy host", "host");
        TestUser first = PLATFORM.register("first");
        TestUser second = PLATFORM.register("second");
        Instant start = inDays(3);

        Answer booked = PLATFORM.post("/api/sessions", first.token(), booking(host, null, start, 60));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        Answer overlapping = PLATFORM.post(
                "/api/sessions", second.token(), booking(host, null, start.plus(30, ChronoUnit.MINUTES), 60));
        assertThat(overlapping.status()).as(overlapping.toString()).isEqualTo(409);
        assertThat(overlapping.json().getString("type")).endsWith("/schedule-conflict");
        Answer adjacent = PLATFORM.post(
                "/api/sessions", second.token(), booking(host, null, start.plus(60, ChronoUnit.MINUTES), 30));
        assertThat(adjacent.status()).as(adjacent.toString()).isEqualTo(201);

        assertThat(transition(host, booked.json().getString("sessionId"), "declined")
                        .status())
                .isEqualTo(200);
        assertThat(PLATFORM.post("/api/sessions", second.token(), booking(host, null, start, 30))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aBookingFromSamsProposalIsTakenOnceAndRefusedInPlainWordsOnceStale() {
        TestUser host = PLATFORM.register("priced host", "host");
        TestUser guest = PLATFORM.register("sam's guest");
        TestUser other = PLATFORM.register("other guest");
        assertThat(PLATFORM.patch(
                                "/api/me/profile",
                                host.token(),
                                new JsonObject().put("priceCents", 4_500).put("currency", "usd"))
                        .status())
                .isEqualTo(200);
        UUID proposal = UUID.randomUUID();
        Instant start = inDays(8);

        Answer booked = PLATFORM.post("/api/sessions", guest.token(), proposed(host, start, 4_500, proposal));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(booked.json().getString("samActionId")).isEqualTo(proposal.toString());
        Answer again = PLATFORM.post("/api/sessions", guest.token(), proposed(host, inDays(9), 4_500, proposal));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().getString("type")).endsWith("/proposal-used");
        assertThat(again.json().getString("detail"))
                .contains("already requested")
                .contains("see Sessions");

        assertThat(PLATFORM.patch("/api/me/profile", host.token(), new JsonObject().put("priceCents", 5_000))
                        .status())
                .isEqualTo(200);
        Answer repriced =
                PLATFORM.post("/api/sessions", other.token(), proposed(host, inDays(10), 4_500, UUID.randomUUID()));
        assertThat(repriced.status()).as(repriced.toString()).isEqualTo(409);
        assertThat(repriced.json().getString("type")).endsWith("/stale-proposal");
        assertThat(repriced.json().getString("detail"))
                .isEqualTo("The host's price changed since Sam proposed this session: it is now 50.00 USD. Ask Sam"
                        + " again for a fresh proposal.");
        Answer offered = PLATFORM.post("/api/sessions", other.token(), proposed(host, inDays(10), 4_500, null));
        assertThat(offered.status())
                .as("without a proposal, another price meets the price rule: 422 naming the host's")
                .isEqualTo(422);
        assertThat(offered.json().getString("detail")).contains("50.00 USD");

        TestUser freeHost = PLATFORM.register("free host", "host");
        String held = PLATFORM.post("/api/sessions", guest.token(), booking(freeHost, null, start, 60))
                .json()
                .getString("sessionId");
        assertThat(transition(freeHost, held, "accepted").status()).isEqualTo(200);
        Answer taken = PLATFORM.post(
                "/api/sessions",
                other.token(),
                booking(freeHost, null, start.plus(30, ChronoUnit.MINUTES), 30)
                        .put("samActionId", UUID.randomUUID().toString()));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        assertThat(taken.json().getString("type")).endsWith("/stale-proposal");
        assertThat(taken.json().getString("detail"))
                .isEqualTo("That time was taken since Sam proposed it. Ask Sam for another time with this host.");
    }

    private static JsonObject proposed(TestUser host, Instant start, long cents, UUID samActionId) {
        JsonObject body = booking(host, null, start, 30)
                .put("agreedPrice", new JsonObject().put("amountCents", cents).put("currency", "usd"))
                .put("paymentMode", "paid");
        return samActionId == null ? body : body.put("samActionId", samActionId.toString());
    }

    @Test
    void illegalTransitionsAreConflictsAndBadBookingsAreClientErrors() {
        TestUser host = PLATFORM.register("strict host", "host");
        TestUser guest = PLATFORM.register("guest");
        TestUser notAHost = PLATFORM.register("plain user");
        String sessionId = PLATFORM.post("/api/sessions", guest.token(), booking(host, null, inDays(4), 30))
                .json()
                .getString("sessionId");

        assertThat(transition(guest, sessionId, "completed").status()).isEqualTo(409);
        assertThat(transition(host, sessionId, "in_progress").status()).isEqualTo(409);
        assertThat(transition(host, UUID.randomUUID().toString(), "accepted").status())
                .isEqualTo(404);
        assertThat(PLATFORM.patch("/api/sessions/" + sessionId, host.token(), new JsonObject().put("status", "done"))
                        .status())
                .isEqualTo(400);

        assertThat(PLATFORM.post("/api/sessions", guest.token(), booking(notAHost, null, inDays(4), 30))
                        .status())
                .isEqualTo(422);
        assertThat(PLATFORM.post("/api/sessions", guest.token(), booking(host, null, inDays(-1), 30))
                        .status())
                .isEqualTo(422);
        assertThat(PLATFORM.post("/api/sessions", guest.token(), booking(host, null, null, 30))
                        .status())
                .as("an instant session needs the host online and instantly available")
                .isEqualTo(409);
        assertThat(PLATFORM.post(
                                "/api/sessions",
                                guest.token(),
                                booking(host, null, inDays(5), 30).put("durationMinutes", 1))
                        .status())
                .isEqualTo(400);
        assertThat(PLATFORM.post("/api/sessions", null, booking(host, null, inDays(5), 30))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void tenWholeDayRequestsFromOneGuestDoNotKeepAnotherGuestsPaidBookingOut() {
        TestUser host = PLATFORM.register("camped-on host", "host");
        TestUser camper = PLATFORM.register("camper");
        TestUser payingGuest = PLATFORM.register("paying guest");
        priced(host, 2500);
        Instant day = inDays(2);

        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Instant start = day.plus(8L * i, ChronoUnit.HOURS);
            statuses.add(PLATFORM.post("/api/sessions", camper.token(), paid(booking(host, null, start, 480), 2500))
                    .status());
        }
        assertThat(statuses).containsExactly(201, 201, 201, 409, 409, 409, 409, 409, 409, 409);
        Answer fourth = PLATFORM.post(
                "/api/sessions", camper.token(), paid(booking(host, null, day.plus(40, ChronoUnit.HOURS), 480), 2500));
        assertThat(fourth.json().getString("type")).endsWith("/too-many-pending-requests");
        assertThat(fourth.json().getString("detail")).contains("requests waiting for this host's answer");

        Answer realBooking = PLATFORM.post(
                "/api/sessions",
                payingGuest.token(),
                paid(booking(host, null, day.plus(32, ChronoUnit.HOURS), 60), 2500));
        assertThat(realBooking.status()).as(realBooking.toString()).isEqualTo(201);
    }

    @Test
    void aSessionCostsTheHostsPublishedPriceAndStartsWithinTheBookingHorizon() {
        TestUser host = PLATFORM.register("priced host", "host");
        TestUser guest = PLATFORM.register("bargain hunter");
        priced(host, 2500);

        Answer asFree = PLATFORM.post("/api/sessions", guest.token(), booking(host, null, inDays(3), 30));
        assertThat(asFree.status()).as(asFree.toString()).isEqualTo(422);
        assertThat(asFree.json().getString("detail")).contains("this host's sessions cost 25.00 USD");
        Answer atTenCents = PLATFORM.post("/api/sessions", guest.token(), paid(booking(host, null, inDays(3), 30), 10));
        assertThat(atTenCents.status()).as(atTenCents.toString()).isEqualTo(422);
        assertThat(atTenCents.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("/agreedPrice");
        Answer asDonation = PLATFORM.post(
                "/api/sessions",
                guest.token(),
                booking(host, null, inDays(3), 30).put("paymentMode", "donation"));
        assertThat(asDonation.status()).isEqualTo(422);

        Answer inYear9999 = PLATFORM.post(
                "/api/sessions",
                guest.token(),
                paid(booking(host, null, Instant.parse("9999-01-01T10:00:00Z"), 30), 2500));
        assertThat(inYear9999.status()).as(inYear9999.toString()).isEqualTo(422);
        assertThat(inYear9999.json().getString("detail"))
                .isEqualTo("startTime is too far ahead: sessions can be booked at most 90 days in advance");

        Answer atThePrice =
                PLATFORM.post("/api/sessions", guest.token(), paid(booking(host, null, inDays(3), 30), 2500));
        assertThat(atThePrice.status()).as(atThePrice.toString()).isEqualTo(201);
    }

    @Test
    void donationModeOnlyWhereTheHostWelcomesDonationsAndTheHostSetsTheirHold() {
        TestUser host = PLATFORM.register("tip jar host", "host");
        TestUser guest = PLATFORM.register("tipper");
        JsonObject donation = booking(host, null, inDays(3), 30)
                .put("paymentMode", "donation")
                .put("agreedPrice", new JsonObject().put("amountCents", 500).put("currency", "usd"));

        Answer refused = PLATFORM.post("/api/sessions", guest.token(), donation);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().getString("detail"))
                .isEqualTo("this host does not take donations: book with paymentMode free");

        assertThat(PLATFORM.get("/api/me/booking-terms", host.token()).json())
                .isEqualTo(new JsonObject().put("requestHoldMinutes", null).put("donationsWelcome", false));
        Answer terms = PLATFORM.put(
                "/api/me/booking-terms",
                host.token(),
                new JsonObject().put("requestHoldMinutes", 0).put("donationsWelcome", true));
        assertThat(terms.status()).as(terms.toString()).isEqualTo(200);
        assertThat(PLATFORM.put(
                                "/api/me/booking-terms",
                                host.token(),
                                new JsonObject()
                                        .put("requestHoldMinutes", 20_000)
                                        .put("donationsWelcome", true))
                        .status())
                .isEqualTo(400);
        assertThat(PLATFORM.get("/api/me/booking-terms", host.token()).json())
                .isEqualTo(new JsonObject().put("requestHoldMinutes", 0).put("donationsWelcome", true));

        Answer welcomed = PLATFORM.post("/api/sessions", guest.token(), donation);
        assertThat(welcomed.status()).as(welcomed.toString()).isEqualTo(201);
        TestUser other = PLATFORM.register("other guest");
        assertThat(PLATFORM.post("/api/sessions", other.token(), booking(host, null, inDays(3), 30))
                        .status())
                .as("the host holds nothing for unanswered requests: the same slot can be asked for")
                .isEqualTo(201);
    }

    @Test
    void anInstantSessionNeedsTheHostOnlineAndInstantlyAvailable() {
        TestUser host = PLATFORM.register("instant host", "host");
        TestUser guest = PLATFORM.register("hurried guest");

        try (TestSocket hostSocket = PLATFORM.connect(PLATFORM.otherEdge(), host, null)) {
            hello(hostSocket);
            assertThat(PLATFORM.post("/api/sessions", guest.token(), booking(host, null, null, 15))
                            .status())
                    .as("online but not instantly available")
                    .isEqualTo(409);
            assertThat(PLATFORM.patch("/api/me/profile", host.token(), new JsonObject().put("instantAvailable", true))
                            .status())
                    .isEqualTo(200);
            Answer instant = PLATFORM.post("/api/sessions", guest.token(), booking(host, null, null, 15));
            assertThat(instant.status()).as(instant.toString()).isEqualTo(201);
            assertThat(instant.json().getString("startTime")).isNull();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        PLATFORM.post("/api/sessions", guest.token(), booking(host, null, null, 15))
                                .status())
                .as("instantly available but offline")
                .isEqualTo(409));
    }

    @Test
    void aManagedHostIsReachedThroughTheirManagerWhoAloneDecides() {
        TestUser manager = PLATFORM.register("manager");
        TestUser host = PLATFORM.register("famous host", "host");
        TestUser guest = PLATFORM.register("fan");
        TestUser stranger = PLATFORM.register("stranger");
        PLATFORM.manage(host, manager);
        assertThat(PLATFORM.patch(
                                "/api/me/profile",
                                host.token(),
                                new JsonObject().put("representativeName", "Pat from the agency"))
                        .status())
                .isEqualTo(200);
        assertThat(PLATFORM.post("/api/sessions", guest.token(), booking(host, null, inDays(6), 30))
                        .status())
                .isEqualTo(403);
        Answer direct = PLATFORM.post(
                "/api/conversations",
                guest.token(),
                new JsonObject().put("participantIds", new JsonArray().add(host.id().toString())));
        assertThat(direct.status()).as("a managed host is reached through a request").isEqualTo(403);
        assertThat(direct.json().getString("detail")).contains("Request an introduction");

        // the public profile says so, naming the manager; a host nobody manages is reached directly
        JsonObject profile = PLATFORM.get("/api/users/" + host.id(), guest.token()).json();
        assertThat(profile.getBoolean("managed")).isTrue();
        assertThat(profile.getString("representativeName")).isEqualTo("manager");
        assertThat(profile.getBoolean("donationsWelcome")).isFalse();
        JsonObject unmanaged = PLATFORM.get("/api/users/" + guest.id(), host.token()).json();
        assertThat(unmanaged.getBoolean("managed")).isFalse();
        assertThat(unmanaged.containsKey("representativeName")).isTrue();
        assertThat(unmanaged.getString("representativeName")).isNull();

        try (TestSocket guestSocket = PLATFORM.connect(guest);
                TestSocket managerSocket = PLATFORM.connect(PLATFORM.otherEdge(), manager, null)) {
            hello(guestSocket, managerSocket);
            UUID samProposal = UUID.randomUUID();
            Answer asked = PLATFORM.post(
                    "/api/requests",
                    guest.token(),
                    new JsonObject()
                            .put("hostUserId", host.id().toString())
                            .put("message", "20 minutes on scaling?")
                            .put("samActionId", samProposal.toString()));
            assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
            String requestId = asked.json().getString("requestId");
            assertThat(asked.json().getString("status")).isEqualTo("pending");
            assertThat(asked.json().getString("samActionId"))
                    .as("sent from Sam's open_request: the card on every device finds it")
                    .isEqualTo(samProposal.toString());
            assertThat(asked.json().getString("managerId"))
                    .isEqualTo(manager.id().toString());
            // the manager's card names people, on the socket and in the list
            assertThat(asked.json().getString("requesterName")).isEqualTo("fan");
            assertThat(asked.json().getString("hostName")).isEqualTo("famous host");
            managerSocket.await(f -> "request.updated".equals(f.getString("type"))
                    && "fan".equals(f.getJsonObject("request").getString("requesterName"))
                    && "famous host".equals(f.getJsonObject("request").getString("hostName")));
            assertThat(PLATFORM.post(
                                    "/api/requests",
                                    guest.token(),
                                    new JsonObject()
                                            .put("hostUserId", host.id().toString())
                                            .put("message", "again"))
                            .status())
                    .isEqualTo(409);

            assertThat(decide(guest, requestId, "approve").status())
                    .as("the guest cannot approve their own request")
                    .isEqualTo(403);
            assertThat(decide(stranger, requestId, "approve").status()).isEqualTo(403);
            assertThat(decide(host, requestId, "approve").status()).isEqualTo(403);
            assertThat(PLATFORM.get("/api/requests/" + requestId, stranger.token())
                            .status())
                    .isEqualTo(404);

            Answer approved = decide(manager, requestId, "approve");
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            assertThat(approved.json().getString("status")).isEqualTo("approved");
            String conversationId = approved.json().getString("conversationId");
            assertThat(conversationId).isNotNull();
            assertThat(decide(manager, requestId, "decline").status()).isEqualTo(409);
            guestSocket.await(f -> "request.updated".equals(f.getString("type"))
                    && "approved".equals(f.getJsonObject("request").getString("status")));

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> PLATFORM.get("/api/conversations/" + conversationId, guest.token())
                                    .status()
                            == 200);
            JsonObject trail =
                    PLATFORM.get("/api/requests/" + requestId, manager.token()).json();
            assertThat(trail.getJsonArray("decisions")).hasSize(1);
            assertThat(trail.getJsonArray("decisions").getJsonObject(0).getString("actorId"))
                    .isEqualTo(manager.id().toString());
            assertThat(PLATFORM.get("/api/requests", manager.token()).json().getJsonArray("items").stream()
                            .map(JsonObject.class::cast)
                            .filter(r -> requestId.equals(r.getString("requestId"))))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.getString("requesterName")).isEqualTo("fan");
                        assertThat(r.getString("hostName")).isEqualTo("famous host");
                    });

            Answer booked = PLATFORM.post(
                    "/api/sessions", guest.token(), booking(host, UUID.fromString(conversationId), inDays(6), 30));
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        }
    }

    private static JsonObject booking(TestUser host, UUID conversation, Instant start, int minutes) {
        JsonObject body = new JsonObject()
                .put("hostUserId", host.id().toString())
                .put("durationMinutes", minutes)
                .put("agreedPrice", new JsonObject().put("amountCents", 0).put("currency", "usd"))
                .put("paymentMode", "free");
        if (conversation != null) {
            body.put("conversationId", conversation.toString());
        }
        if (start != null) {
            body.put("startTime", start.toString());
        }
        return body;
    }

    private static Instant soon() {
        return Instant.now().plus(5, ChronoUnit.MINUTES);
    }

    private static Instant inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    }

    private static void priced(TestUser host, long cents) {
        assertThat(PLATFORM.patch(
                                "/api/me/profile",
                                host.token(),
                                new JsonObject().put("priceCents", cents).put("currency", "usd"))
                        .status())
                .isEqualTo(200);
    }

    private static JsonObject paid(JsonObject booking, long cents) {
        return booking.put("paymentMode", "paid")
                .put("agreedPrice", new JsonObject().put("amountCents", cents).put("currency", "usd"));
    }

    private static Answer transition(TestUser who, String sessionId, String status) {
        return PLATFORM.patch("/api/sessions/" + sessionId, who.token(), new JsonObject().put("status", status));
    }

    private static Answer decide(TestUser who, String requestId, String decision) {
        return PLATFORM.patch("/api/requests/" + requestId, who.token(), new JsonObject().put("decision", decision));
    }

    private static JsonObject offer(String sessionId) {
        return new JsonObject()
                .put("type", "rtc.signal")
                .put("sessionId", sessionId)
                .put("payload", new JsonObject().put("type", "offer").put("sdp", "v=0 offer"));
    }

    private static void awaitSession(TestSocket socket, String sessionId, String status) {
        socket.await(f -> "session.updated".equals(f.getString("type"))
                && sessionId.equals(f.getJsonObject("session").getString("sessionId"))
                && status.equals(f.getJsonObject("session").getString("status")));
    }

    private static JsonObject conversationOf(TestUser user, UUID conversation) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> PLATFORM.get("/api/conversations/" + conversation, user.token())
                                .json()
                                .getString("linkedSessionId")
                        != null);
        return PLATFORM.get("/api/conversations/" + conversation, user.token()).json();
    }

    private static void hello(TestSocket... sockets) {
        for (TestSocket socket : sockets) {
            socket.await(f -> "hello".equals(f.getString("type")));
        }
    }

    private static List<String> ids(JsonArray items, String field) {
        return items.stream().map(i -> ((JsonObject) i).getString(field)).toList();
    }
}
