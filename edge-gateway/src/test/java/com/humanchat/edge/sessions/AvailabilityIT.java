package com.humanchat.edge.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.PlatformHarness;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Availability end to end over HTTP with the real session topology, projector and PostgreSQL: a host publishes their
 * hours, anyone reads the free slots, a booking outside them or of a taken slot is refused with the next free ones,
 * and only a host edits their own availability, with bad input refused in plain words.
 */
class AvailabilityIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();

    /** Every day, all day, in New York; one-hour sessions, 15 minutes free after each, an hour's notice. */
    private static JsonObject allDay() {
        JsonArray day =
                new JsonArray().add(new JsonObject().put("start", "00:00").put("end", "24:00"));
        JsonObject weekly = new JsonObject();
        for (String name :
                new String[] {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
            weekly.put(name, day);
        }
        return new JsonObject()
                .put("timeZone", "America/New_York")
                .put("weekly", weekly)
                .put("overrides", new JsonArray())
                .put("bufferBeforeMinutes", 0)
                .put("bufferAfterMinutes", 15)
                .put("minimumNoticeMinutes", 60)
                .put("horizonDays", 14)
                .put("durationsMinutes", new JsonArray().add(60));
    }

    @Test
    void aHostPublishesHoursGuestsSeeTheFreeSlotsAndABookingOutsideThemGetsTheNextOnes() {
        TestUser host = PLATFORM.register("Available host", "host");
        TestUser guest = PLATFORM.register("Slot guest");
        assertThat(PLATFORM.get("/api/me/availability", host.token()).status())
                .as("none set yet")
                .isEqualTo(404);
        Answer none = slots(host.id(), guest, "");
        assertThat(none.status()).as(none.toString()).isEqualTo(200);
        assertThat(none.json().getValue("hostTimeZone"))
                .as("any time: no availability")
                .isNull();

        Answer put = PLATFORM.put("/api/me/availability", host.token(), allDay());
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(PLATFORM.get("/api/me/availability", host.token()).json()).isEqualTo(allDay());

        Instant from = Instant.now();
        Answer free = slots(host.id(), guest, "?duration=60&from=" + from + "&to=" + from.plus(Duration.ofDays(2)));
        assertThat(free.status()).as(free.toString()).isEqualTo(200);
        assertThat(free.json().getString("hostTimeZone")).isEqualTo("America/New_York");
        assertThat(free.json().getInteger("durationMinutes")).isEqualTo(60);
        JsonArray offered = free.json().getJsonArray("slots");
        assertThat(offered.size()).isBetween(46, 48);
        Instant first = Instant.parse(offered.getJsonObject(0).getString("start"));
        assertThat(first).isAfterOrEqualTo(from.plus(Duration.ofHours(1)));
        Instant second = Instant.parse(offered.getJsonObject(1).getString("start"));

        Answer tooSoon = book(guest, host, from.plus(Duration.ofMinutes(10)));
        assertThat(tooSoon.status()).as(tooSoon.toString()).isEqualTo(409);
        assertThat(tooSoon.json().getString("type")).endsWith("/outside-availability");
        assertThat(tooSoon.json().getString("detail")).contains("60 minutes' notice");
        assertThat(tooSoon.json().getJsonArray("nextSlots").getJsonObject(0).getString("start"))
                .isEqualTo(first.toString());

        Answer booked = book(guest, host, first);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        Answer taken = book(PLATFORM.register("Second guest"), host, first);
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        assertThat(taken.json().getString("type")).endsWith("/schedule-conflict");
        // the booked hour and the next (its 15 minutes after reach into it) are no longer offered
        Instant third = Instant.parse(offered.getJsonObject(2).getString("start"));
        assertThat(taken.json().getJsonArray("nextSlots").getJsonObject(0).getString("start"))
                .isEqualTo(third.toString());
        JsonArray after = slots(host.id(), guest, "?duration=60&from=" + from + "&to=" + from.plus(Duration.ofDays(2)))
                .json()
                .getJsonArray("slots");
        assertThat(after.stream().map(slot -> ((JsonObject) slot).getString("start")))
                .doesNotContain(first.toString(), second.toString())
                .contains(third.toString());
    }

    @Test
    void aRescheduleOutsideTheHostsHoursIsRefusedWithTheNextFreeSlotsLikeABooking() {
        TestUser host = PLATFORM.register("Rescheduling host", "host");
        TestUser guest = PLATFORM.register("Rescheduling guest");
        assertThat(PLATFORM.put("/api/me/availability", host.token(), allDay()).status())
                .isEqualTo(200);
        Instant from = Instant.now();
        JsonArray offered = slots(
                        host.id(), guest, "?duration=60&from=" + from + "&to=" + from.plus(Duration.ofDays(2)))
                .json()
                .getJsonArray("slots");
        // far enough from now for the late-reschedule notice (two hours by default)
        Instant booked = Instant.parse(offered.getJsonObject(5).getString("start"));
        Answer created = book(guest, host, booked);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String sessionId = created.json().getString("sessionId");
        assertThat(PLATFORM.patch(
                                "/api/sessions/" + sessionId, host.token(), new JsonObject().put("status", "accepted"))
                        .status())
                .isEqualTo(200);

        Answer tooSoon = PLATFORM.post(
                "/api/sessions/" + sessionId + "/reschedule",
                guest.token(),
                new JsonObject()
                        .put("startTime", from.plus(Duration.ofMinutes(10)).toString()));
        assertThat(tooSoon.status()).as(tooSoon.toString()).isEqualTo(409);
        assertThat(tooSoon.json().getString("type")).endsWith("/outside-availability");
        assertThat(tooSoon.json().getJsonArray("nextSlots").getJsonObject(0).getString("start"))
                .isEqualTo(offered.getJsonObject(0).getString("start"));
    }

    @Test
    void onlyAHostEditsTheirOwnAvailabilityAndBadInputIsRefusedInPlainWords() {
        TestUser host = PLATFORM.register("Strict host", "host");
        TestUser user = PLATFORM.register("Not a host");

        assertThat(PLATFORM.put("/api/me/availability", user.token(), allDay()).status())
                .isEqualTo(403);
        assertThat(PLATFORM.get("/api/me/availability", user.token()).status()).isEqualTo(403);

        JsonObject overlapping = allDay().put("timeZone", "Mars/Olympus")
                .put(
                        "weekly",
                        new JsonObject()
                                .put(
                                        "monday",
                                        new JsonArray()
                                                .add(new JsonObject()
                                                        .put("start", "09:00")
                                                        .put("end", "12:00"))
                                                .add(new JsonObject()
                                                        .put("start", "11:00")
                                                        .put("end", "13:00"))));
        Answer refused = PLATFORM.put("/api/me/availability", host.token(), overlapping);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().getString("detail"))
                .contains("\"Mars/Olympus\" is not a known time zone")
                .contains("monday: the ranges 09:00–12:00 and 11:00–13:00 overlap");
        assertThat(PLATFORM.put("/api/me/availability", host.token(), allDay().put("horizonDays", "soon"))
                        .status())
                .isEqualTo(400);
        assertThat(PLATFORM.put(
                                "/api/me/availability",
                                host.token(),
                                allDay().put(
                                                "weekly",
                                                new JsonObject()
                                                        .put(
                                                                "monday",
                                                                new JsonArray()
                                                                        .add(new JsonObject()
                                                                                .put("start", "9am")
                                                                                .put("end", "17:00")))))
                        .status())
                .isEqualTo(400);

        assertThat(PLATFORM.put("/api/me/availability", host.token(), allDay()).status())
                .isEqualTo(200);
        assertThat(slots(host.id(), user, "?duration=45").status()).isEqualTo(422);
        assertThat(slots(UUID.randomUUID(), user, "").status()).isEqualTo(404);
        assertThat(slots(user.id(), user, "").status()).as("no host").isEqualTo(404);
        assertThat(slots(host.id(), user, "?from=yesterday").status()).isEqualTo(400);
        Instant now = Instant.now();
        assertThat(slots(host.id(), user, "?from=" + now + "&to=" + now.minusSeconds(60))
                        .status())
                .isEqualTo(422);
        assertThat(slots(host.id(), user, "?from=" + now + "&to=" + now.plus(Duration.ofDays(32)))
                        .status())
                .isEqualTo(422);
        assertThat(PLATFORM.get("/api/hosts/" + host.id() + "/slots", null).status())
                .isEqualTo(401);
    }

    private static Answer slots(UUID hostId, TestUser caller, String query) {
        return PLATFORM.get("/api/hosts/" + hostId + "/slots" + query, caller.token());
    }

    private static Answer book(TestUser guest, TestUser host, Instant start) {
        return PLATFORM.post(
                "/api/sessions",
                guest.token(),
                new JsonObject()
                        .put("hostUserId", host.id().toString())
                        .put("startTime", start.toString())
                        .put("durationMinutes", 60)
                        .put(
                                "agreedPrice",
                                new JsonObject().put("amountCents", 0).put("currency", "usd"))
                        .put("paymentMode", "free"));
    }
}
