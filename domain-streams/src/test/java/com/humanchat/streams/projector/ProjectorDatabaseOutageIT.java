package com.humanchat.streams.projector;

import static com.humanchat.streams.projector.ProjectorTestKit.WAIT;
import static com.humanchat.streams.projector.ProjectorTestKit.at;
import static com.humanchat.streams.projector.ProjectorTestKit.created;
import static com.humanchat.streams.projector.ProjectorTestKit.sent;
import static com.humanchat.streams.projector.ProjectorTestKit.unread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.infra.embedded.EmbeddedPostgresServer;
import com.humanchat.migrations.Migrations;
import com.humanchat.migrations.PostgresUrl;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL goes away under a running projector: a PostgreSQL server of this test's own, stopped and started again on
 * the same data directory and port.
 */
class ProjectorDatabaseOutageIT {

    private static final String DATABASE = "projector_outage";

    @TempDir
    Path dataDir;

    private EmbeddedPostgresServer postgres;

    @AfterEach
    void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void commitsNoOffsetPastTheFailedBatchAndProjectsItExactlyOnceWhenPostgresIsBack() {
        postgres = EmbeddedPostgresServer.start(dataDir, 0);
        int port = postgres.port();
        postgres.createDatabase(DATABASE);
        PostgresUrl url = new PostgresUrl(postgres.host(), port, DATABASE, postgres.user(), postgres.password());
        Migrations.apply(url.jdbcUrl(), url.user(), url.password());

        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        List<UUID> pair = List.of(ann, bob);
        MeterRegistry registry = new SimpleMeterRegistry();
        try (ProjectorTestKit kit = ProjectorTestKit.create("outage", url);
                Projector projector = Projector.start(kit.config(1), registry)) {
            String group = projector.config().groupId();
            kit.send(
                    created(conversation, ann, pair, at(0)),
                    sent(conversation, 1, ann, "m1", pair, at(1)),
                    sent(conversation, 2, ann, "m2", pair, at(2)));
            kit.awaitCaughtUp(group);
            Map<TopicPartition, Long> committedBeforeOutage = kit.committed(group);

            postgres.close();
            postgres = null;
            for (int seq = 3; seq <= 10; seq++) {
                kit.send(sent(conversation, seq, ann, "m" + seq, pair, at(seq)));
            }
            kit.send(unread(bob, conversation, 10, 0, 10));

            await().atMost(WAIT).until(() -> databaseFailures(registry) >= 2 && !projector.isHealthy());
            assertThat(projector.isLive())
                    .as("an outage makes the projector unready, never dead: it polls on, paused")
                    .isTrue();
            assertThat(kit.committed(group))
                    .as("no offset committed past the batch that failed")
                    .isEqualTo(committedBeforeOutage);

            postgres = EmbeddedPostgresServer.start(dataDir, port);

            kit.awaitCaughtUp(group);
            await().atMost(WAIT).until(projector::isHealthy);
            assertThat(kit.rows("select seq from messages order by seq"))
                    .extracting(row -> row.get("seq"))
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, 10).boxed().toList());
            assertThat(kit.row("select last_seq, last_activity from conversations"))
                    .isEqualTo(Map.of("last_seq", 10L, "last_activity", at(10)));
            assertThat(kit.row("select unread_count from participants where user_id = ?", bob))
                    .isEqualTo(Map.of("unread_count", 10L));
        }
    }

    private static double databaseFailures(MeterRegistry registry) {
        var counter =
                registry.find(ProjectorMetrics.FAILURES).tag("kind", "database").counter();
        return counter == null ? 0 : counter.count();
    }
}
