package com.humanchat.edge.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.Edge;
import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.PlatformHarness;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import com.humanchat.migrations.PostgresUrl;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/hosts/:id/slots} for a host with a year of bookings: a generator writes four one-hour
 * sessions a day, from half a year ago to half a year ahead, into the sessions read model (as the projector would), and
 * the benchmark times the read over HTTP on an edge of its own (no per-user rate limit). Not part of the suite (its
 * name matches neither *Test nor *IT); run it on demand:
 *
 * <pre>
 * mvn -o -B -pl edge-gateway -am verify -Dit.test=SlotsReadBenchmark -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
 * </pre>
 *
 * The figures go to stdout and {@code edge-gateway/target/slots-benchmark.txt}.
 */
class SlotsReadBenchmark {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final int WARMUP = 300;
    private static final int MEASURED = 2000;

    @Test
    void slotsOfAHostWithAYearOfBookings() throws Exception {
        TestUser host = PLATFORM.register("Busy host", "host");
        TestUser guest = PLATFORM.register("Benchmark guest");
        JsonArray day =
                new JsonArray().add(new JsonObject().put("start", "08:00").put("end", "20:00"));
        JsonObject weekly = new JsonObject();
        for (String name :
                new String[] {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
            weekly.put(name, day);
        }
        Answer published = PLATFORM.put(
                "/api/me/availability",
                host.token(),
                new JsonObject()
                        .put("timeZone", "Europe/Berlin")
                        .put("weekly", weekly)
                        .put("bufferBeforeMinutes", 0)
                        .put("bufferAfterMinutes", 0)
                        .put("minimumNoticeMinutes", 0)
                        .put("horizonDays", 365)
                        .put("durationsMinutes", new JsonArray().add(30).add(60)));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        int bookings = generateAYearOfBookings(host.id(), guest.id());

        Edge edge =
                PLATFORM.startExtraEdge("slots-benchmark", Map.of("HUMANCHAT_RATE_LIMIT_USER_PER_MINUTE", "1000000"));
        try {
            StringBuilder report = new StringBuilder("GET /api/hosts/:id/slots, a host with " + bookings
                    + " sessions over a year (4 a day), " + MEASURED + " sequential requests after "
                    + WARMUP + " warm-up ones, one client, embedded Kafka/PostgreSQL on this machine\n");
            for (int days : new int[] {7, 14, 31}) {
                report.append(measure(edge, host.id(), guest, days)).append('\n');
            }
            System.out.print(report);
            Files.writeString(Path.of("target", "slots-benchmark.txt"), report);
        } finally {
            edge.closeAndWait(30);
        }
    }

    private static String measure(Edge edge, UUID hostId, TestUser guest, int days) {
        long[] nanos = new long[MEASURED];
        int slots = 0;
        for (int i = -WARMUP; i < MEASURED; i++) {
            Instant from = Instant.now().plus(Duration.ofDays(i % 90 < 0 ? 0 : i % 90));
            String path = "/api/hosts/" + hostId + "/slots?duration=60&from=" + from + "&to="
                    + from.plus(Duration.ofDays(days));
            long started = System.nanoTime();
            Answer answer = PLATFORM.get(edge, path, guest.token());
            long took = System.nanoTime() - started;
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            if (i >= 0) {
                nanos[i] = took;
                slots = answer.json().getJsonArray("slots").size();
            }
        }
        assertThat(slots).as("a read that finds free slots among the bookings").isPositive();
        Arrays.sort(nanos);
        return String.format(
                "%2d days (%d free slots): p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                days, slots, nanos[MEASURED / 2] / 1e6, nanos[MEASURED * 99 / 100] / 1e6, nanos[MEASURED - 1] / 1e6);
    }

    /** Four one-hour sessions a day (08:00, 11:00, 14:00, 17:00 Berlin), half a year back and half a year ahead. */
    private static int generateAYearOfBookings(UUID hostId, UUID guestId) throws Exception {
        PostgresUrl database = PostgresUrl.parse(PLATFORM.environment().get("HUMANCHAT_PG_URL"));
        int count = 0;
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                PreparedStatement insert = connection.prepareStatement("insert into sessions (id, guest_user_id,"
                        + " host_user_id, start_time, duration_minutes, price_cents, currency, payment_mode, status,"
                        + " requested_at, updated_at) values (?, ?, ?, ?, 60, 0, 'usd', 'free', ?, ?, ?)")) {
            LocalDate today = LocalDate.now(BERLIN);
            for (LocalDate date = today.minusDays(182); date.isBefore(today.plusDays(183)); date = date.plusDays(1)) {
                for (int hour = 8; hour <= 17; hour += 3) {
                    Instant start = date.atTime(hour, 0).atZone(BERLIN).toInstant();
                    Timestamp requested = Timestamp.from(start.minus(Duration.ofDays(7)));
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, guestId);
                    insert.setObject(3, hostId);
                    insert.setTimestamp(4, Timestamp.from(start));
                    insert.setString(5, start.isBefore(Instant.now()) ? "completed" : "confirmed");
                    insert.setTimestamp(6, requested);
                    insert.setTimestamp(7, requested);
                    insert.addBatch();
                    count++;
                }
            }
            insert.executeBatch();
        }
        return count;
    }
}
