package com.humanchat.edge.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.PlatformHarness;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reviews end to end over HTTP with the real session topology, projector and PostgreSQL: the guest of a completed
 * session rates it once, its host answers once, the rating shows on the host's profile and in Discover, and an admin
 * hides an abusive review — everyone else kept out in plain words.
 */
class ReviewsIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();

    @Test
    void theGuestRatesACompletedSessionOnceTheHostAnswersOnceAndTheRatingShowsOnDiscoverAndTheProfile() {
        String tag = "reviews" + UUID.randomUUID().toString().substring(0, 6);
        TestUser host = PLATFORM.register("Host " + tag, "host");
        TestUser guest = PLATFORM.register("Guest " + tag);
        TestUser stranger = PLATFORM.register("stranger");
        assertThat(PLATFORM.patch(
                                "/api/me/profile", host.token(), new JsonObject().put("tags", new JsonArray().add(tag)))
                        .status())
                .isEqualTo(200);
        assertThat(profile(host, stranger).getValue("rating"))
                .as("nobody rated the host yet")
                .isNull();
        String sessionId = bookedSession(guest, host);

        assertProblem(review(guest, sessionId, 5, null), 409, "session-not-completed");
        complete(guest, host, sessionId);
        assertProblem(review(host, sessionId, 5, "I was great"), 403, "not-the-guest");
        assertProblem(review(stranger, sessionId, 1, "never met them"), 404, "unknown-session");
        assertProblem(review(guest, sessionId, 4, " "), 422, "unprocessable");
        assertProblem(answer(host, sessionId, "Thanks!"), 409, "not-reviewed");

        assertThat(PLATFORM.get("/api/sessions/" + sessionId + "/review", guest.token())
                        .json()
                        .getValue("review"))
                .as("not reviewed yet")
                .isNull();
        Answer reviewed = review(guest, sessionId, 4, "Clear answers about indexes.");
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(201);
        assertThat(reviewed.json().getString("sessionId")).isEqualTo(sessionId);
        assertThat(reviewed.json().getInteger("rating")).isEqualTo(4);
        assertThat(reviewed.json().getString("text")).isEqualTo("Clear answers about indexes.");
        assertThat(reviewed.json().getString("guestDisplayName")).isEqualTo(guest.displayName());
        assertThat(reviewed.json().getValue("answer")).isNull();
        assertProblem(review(guest, sessionId, 1, "changed my mind"), 409, "already-reviewed");

        assertProblem(answer(guest, sessionId, "Me again"), 403, "not-the-host");
        Answer answered = answer(host, sessionId, "Thank you!");
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.json().getString("answer")).isEqualTo("Thank you!");
        assertThat(answered.json().getString("answeredAt")).isNotNull();
        assertProblem(answer(host, sessionId, "Thanks again!"), 409, "already-answered");
        assertThat(PLATFORM.get("/api/sessions/" + sessionId + "/review", host.token())
                        .json()
                        .getJsonObject("review"))
                .isEqualTo(answered.json());
        assertProblem(PLATFORM.get("/api/sessions/" + sessionId + "/review", stranger.token()), 404, "unknown-session");

        Answer listed = PLATFORM.get("/api/hosts/" + host.id() + "/reviews", stranger.token());
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().getJsonArray("items")).singleElement().satisfies(item -> {
            JsonObject review = (JsonObject) item;
            assertThat(review.getInteger("rating")).isEqualTo(4);
            assertThat(review.getString("answer")).isEqualTo("Thank you!");
            assertThat(review.getString("guestDisplayName")).isEqualTo(guest.displayName());
            assertThat(review.getString("createdAt")).isNotNull();
        });
        assertThat(listed.json().getValue("nextCursor")).isNull();
        JsonObject rating = new JsonObject().put("average", 4.0).put("count", 1);
        assertThat(profile(host, stranger).getJsonObject("rating")).isEqualTo(rating);
        Answer discovered = PLATFORM.get("/api/discover?tag=" + tag, stranger.token());
        assertThat(discovered.json().getJsonArray("items")).singleElement().satisfies(item -> assertThat(
                        ((JsonObject) item).getJsonObject("rating"))
                .isEqualTo(rating));
    }

    @Test
    void anAdminHidesAnAbusiveReviewWhichLeavesTheListAndTheRatingAndIsAudited() {
        TestUser host = PLATFORM.register("Hidden host", "host");
        TestUser guest = PLATFORM.register("Rude guest");
        TestUser admin = PLATFORM.admin();
        String sessionId = bookedSession(guest, host);
        complete(guest, host, sessionId);
        assertThat(review(guest, sessionId, 1, "something abusive").status()).isEqualTo(201);
        assertThat(profile(host, guest).getJsonObject("rating").getInteger("count"))
                .isEqualTo(1);

        assertThat(hide(host, sessionId).status()).as("only admins hide").isEqualTo(403);
        Answer hidden = hide(admin, sessionId);
        assertThat(hidden.status()).as(hidden.toString()).isEqualTo(200);
        assertThat(hidden.json().getBoolean("hidden")).isTrue();
        assertThat(hide(admin, UUID.randomUUID().toString()).status()).isEqualTo(404);

        assertThat(PLATFORM.get("/api/hosts/" + host.id() + "/reviews", guest.token())
                        .json()
                        .getJsonArray("items"))
                .isEmpty();
        assertThat(profile(host, guest).getValue("rating")).isNull();
        assertThat(PLATFORM.get("/api/admin/audit", admin.token()).json().getJsonArray("items").stream()
                        .map(JsonObject.class::cast)
                        .filter(entry -> "review.hide".equals(entry.getString("action"))
                                && sessionId.equals(entry.getString("targetId"))))
                .singleElement()
                .satisfies(entry -> assertThat(entry.getJsonObject("details").getString("reason"))
                        .isEqualTo("abusive language"));
    }

    @Test
    void discoverSortedByRatingListsTheBestRatedHostsFirstPageByPage() {
        String tag = "rated" + UUID.randomUUID().toString().substring(0, 6);
        TestUser unrated = taggedHost("Aaron unrated", tag);
        TestUser fair = taggedHost("Betty fair", tag);
        TestUser best = taggedHost("Carla best", tag);
        TestUser guest = PLATFORM.register("Rating guest");
        for (TestUser host : List.of(fair, best)) {
            String sessionId = bookedSession(guest, host);
            complete(guest, host, sessionId);
            assertThat(review(guest, sessionId, host == best ? 5 : 2, null).status())
                    .isEqualTo(201);
        }

        List<String> byName = new ArrayList<>();
        discoverAll("/api/discover?tag=" + tag + "&limit=1", guest, byName);
        List<String> byRating = new ArrayList<>();
        discoverAll("/api/discover?tag=" + tag + "&sort=rating&limit=1", guest, byRating);

        assertThat(byName).containsExactly(unrated.displayName(), fair.displayName(), best.displayName());
        assertThat(byRating).containsExactly(best.displayName(), fair.displayName(), unrated.displayName());
        String nameCursor = PLATFORM.get("/api/discover?tag=" + tag + "&limit=1", guest.token())
                .json()
                .getString("nextCursor");
        assertProblem(
                PLATFORM.get("/api/discover?tag=" + tag + "&sort=rating&cursor=" + nameCursor, guest.token()),
                400,
                "bad-request");
        assertProblem(PLATFORM.get("/api/discover?sort=price", guest.token()), 400, "bad-request");
    }

    private static TestUser taggedHost(String name, String tag) {
        TestUser host = PLATFORM.register(name, "host");
        assertThat(PLATFORM.patch(
                                "/api/me/profile", host.token(), new JsonObject().put("tags", new JsonArray().add(tag)))
                        .status())
                .isEqualTo(200);
        return host;
    }

    /** Follows {@code path}'s pages to the end, collecting the display names in order. */
    private static void discoverAll(String path, TestUser viewer, List<String> names) {
        String cursor = null;
        do {
            Answer page = PLATFORM.get(path + (cursor == null ? "" : "&cursor=" + cursor), viewer.token());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().getJsonArray("items").forEach(item -> names.add(((JsonObject) item).getString("displayName")));
            cursor = page.json().getString("nextCursor");
        } while (cursor != null);
    }

    /** A free session of {@code guest} with {@code host} starting in five minutes, accepted: confirmed. */
    private static String bookedSession(TestUser guest, TestUser host) {
        UUID conversation = PLATFORM.directConversation(guest, host);
        Answer booked = PLATFORM.post(
                "/api/sessions",
                guest.token(),
                new JsonObject()
                        .put("hostUserId", host.id().toString())
                        .put("conversationId", conversation.toString())
                        .put(
                                "startTime",
                                Instant.now().plus(5, ChronoUnit.MINUTES).toString())
                        .put("durationMinutes", 30)
                        .put(
                                "agreedPrice",
                                new JsonObject().put("amountCents", 0).put("currency", "usd"))
                        .put("paymentMode", "free"));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        String sessionId = booked.json().getString("sessionId");
        assertThat(transition(host, sessionId, "accepted").status()).isEqualTo(200);
        return sessionId;
    }

    private static void complete(TestUser guest, TestUser host, String sessionId) {
        assertThat(transition(guest, sessionId, "in_progress").status()).isEqualTo(200);
        Answer completed = transition(host, sessionId, "completed");
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
    }

    private static Answer transition(TestUser who, String sessionId, String status) {
        return PLATFORM.patch("/api/sessions/" + sessionId, who.token(), new JsonObject().put("status", status));
    }

    private static Answer review(TestUser who, String sessionId, int rating, String text) {
        JsonObject body = new JsonObject().put("rating", rating);
        if (text != null) {
            body.put("text", text);
        }
        return PLATFORM.post("/api/sessions/" + sessionId + "/review", who.token(), body);
    }

    private static Answer answer(TestUser who, String sessionId, String text) {
        return PLATFORM.post(
                "/api/sessions/" + sessionId + "/review/answer", who.token(), new JsonObject().put("text", text));
    }

    private static Answer hide(TestUser who, String sessionId) {
        return PLATFORM.post(
                "/api/admin/reviews/" + sessionId + "/hide",
                who.token(),
                new JsonObject().put("reason", "abusive language"));
    }

    private static JsonObject profile(TestUser host, TestUser viewer) {
        Answer profile = PLATFORM.get("/api/users/" + host.id(), viewer.token());
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        return profile.json();
    }

    static void assertProblem(Answer answer, int status, String slug) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.json().getString("type")).isEqualTo("https://humanchat.dev/problems/" + slug);
        assertThat(answer.json().getString("detail")).isNotBlank();
    }
}
