package com.humanchat.edge.sessions;

import static com.humanchat.edge.sessions.ReviewsIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.PlatformHarness;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reschedules and the calendar file end to end over HTTP with the real session topology, projector and PostgreSQL:
 * either participant proposes, only the other answers, a stranger learns nothing (404), bad input is a 4xx in plain
 * words, and the {@code .ics} follows the session's moves.
 */
class RescheduleIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();
    private static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    @Test
    void theGuestProposesTheHostAcceptsAndTheCalendarFileMovesWithTheSession() {
        TestUser host = PLATFORM.register("Host " + UUID.randomUUID(), "host");
        TestUser guest = PLATFORM.register("Guest");
        TestUser stranger = PLATFORM.register("stranger");
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        String sessionId = confirmedSession(guest, host, start);
        Instant later = start.plus(Duration.ofDays(1));

        JsonObject none =
                PLATFORM.get(path(sessionId, "/reschedule"), guest.token()).json();
        assertThat(none.getInteger("sequence")).isZero();
        assertThat(none.getValue("proposal")).isNull();
        assertProblem(PLATFORM.get(path(sessionId, "/reschedule"), stranger.token()), 404, "unknown-session");
        assertProblem(propose(stranger, sessionId, later), 404, "unknown-session");

        Answer proposed = propose(guest, sessionId, later);
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(200);
        assertThat(proposed.json().getJsonObject("proposal").getString("startTime"))
                .isEqualTo(later.toString());
        assertThat(proposed.json().getJsonObject("proposal").getString("proposedBy"))
                .isEqualTo(guest.id().toString());
        assertProblem(accept(guest, sessionId), 409, "no-proposal");
        assertProblem(accept(stranger, sessionId), 404, "unknown-session");

        Answer accepted = accept(host, sessionId);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().getInteger("sequence")).isEqualTo(1);
        assertThat(accepted.json().getString("startTime")).isEqualTo(later.toString());
        assertThat(accepted.json().getValue("proposal")).isNull();
        JsonObject session =
                PLATFORM.get("/api/sessions/" + sessionId, guest.token()).json();
        assertThat(Instant.parse(session.getString("startTime"))).isEqualTo(later);
        assertThat(session.getString("status")).isEqualTo("confirmed");

        Answer file = PLATFORM.get(path(sessionId, "/calendar.ics"), host.token());
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("text/calendar; charset=utf-8");
        String unfolded = file.body().replace("\r\n ", "");
        assertThat(unfolded)
                .startsWith("BEGIN:VCALENDAR\r\n")
                .contains("UID:session-" + sessionId + "@humanchat\r\n")
                .contains("DTSTART:" + ICS_UTC.format(later.atOffset(ZoneOffset.UTC)) + "\r\n")
                .contains("DTEND:"
                        + ICS_UTC.format(later.plus(Duration.ofMinutes(30)).atOffset(ZoneOffset.UTC)) + "\r\n")
                .contains("SEQUENCE:1\r\n")
                .contains("URL:http://localhost:8080/#/sessions/" + sessionId + "\r\n");
        assertProblem(PLATFORM.get(path(sessionId, "/calendar.ics"), stranger.token()), 404, "unknown-session");
    }

    @Test
    void theOtherSideDeclinesAndTheSessionKeepsItsTime() {
        TestUser host = PLATFORM.register("Host " + UUID.randomUUID(), "host");
        TestUser guest = PLATFORM.register("Guest");
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        String sessionId = confirmedSession(guest, host, start);

        assertThat(propose(host, sessionId, start.plus(Duration.ofHours(3))).status())
                .isEqualTo(200);
        Answer declined = PLATFORM.post(path(sessionId, "/reschedule/decline"), guest.token(), new JsonObject());
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.json().getValue("proposal")).isNull();
        assertThat(declined.json().getString("startTime")).isEqualTo(start.toString());
        assertThat(declined.json().getInteger("sequence")).isZero();
        assertProblem(accept(host, sessionId), 409, "no-proposal");
    }

    @Test
    void badInputAndLateReschedulesAreRefusedInPlainWords() {
        TestUser host = PLATFORM.register("Host " + UUID.randomUUID(), "host");
        TestUser guest = PLATFORM.register("Guest");
        String soon = confirmedSession(guest, host, Instant.now().plus(30, ChronoUnit.MINUTES));
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);

        assertProblem(propose(guest, soon, tomorrow), 409, "reschedule-too-late");
        assertThat(PLATFORM.post(path(soon, "/reschedule"), guest.token(), new JsonObject())
                        .status())
                .as("no startTime")
                .isEqualTo(400);
        assertThat(PLATFORM.post(
                                path(soon, "/reschedule"), guest.token(), new JsonObject().put("startTime", "tomorrow"))
                        .status())
                .as("not a date-time")
                .isEqualTo(400);
        assertThat(PLATFORM.post(
                                path("not-a-uuid", "/reschedule"),
                                guest.token(),
                                new JsonObject().put("startTime", tomorrow.toString()))
                        .status())
                .isEqualTo(400);
        assertProblem(accept(guest, UUID.randomUUID().toString()), 404, "unknown-session");
        assertProblem(
                PLATFORM.get(path(UUID.randomUUID().toString(), "/calendar.ics"), guest.token()),
                404,
                "unknown-session");

        String later = confirmedSession(guest, host, Instant.now().plus(2, ChronoUnit.DAYS));
        assertProblem(propose(guest, later, Instant.now().minus(1, ChronoUnit.HOURS)), 422, "unprocessable");
    }

    /** A free session of {@code guest} with {@code host} at {@code start}, 30 minutes, accepted: confirmed. */
    private static String confirmedSession(TestUser guest, TestUser host, Instant start) {
        UUID conversation = PLATFORM.directConversation(guest, host);
        Answer booked = PLATFORM.post(
                "/api/sessions",
                guest.token(),
                new JsonObject()
                        .put("hostUserId", host.id().toString())
                        .put("conversationId", conversation.toString())
                        .put("startTime", start.toString())
                        .put("durationMinutes", 30)
                        .put(
                                "agreedPrice",
                                new JsonObject().put("amountCents", 0).put("currency", "usd"))
                        .put("paymentMode", "free"));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        String sessionId = booked.json().getString("sessionId");
        Answer accepted =
                PLATFORM.patch("/api/sessions/" + sessionId, host.token(), new JsonObject().put("status", "accepted"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        return sessionId;
    }

    private static Answer propose(TestUser who, String sessionId, Instant start) {
        return PLATFORM.post(
                path(sessionId, "/reschedule"), who.token(), new JsonObject().put("startTime", start.toString()));
    }

    private static Answer accept(TestUser who, String sessionId) {
        return PLATFORM.post(path(sessionId, "/reschedule/accept"), who.token(), new JsonObject());
    }

    private static String path(String sessionId, String rest) {
        return "/api/sessions/" + sessionId + rest;
    }
}
