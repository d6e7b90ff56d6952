package com.humanchat.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.infra.embedded.DatabaseCoordinates;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, finding 5, for conversations opened before ids became random: migration V51 records every projected
 * direct conversation as its pair's, so its derived id stays the one both members reach and create returns.
 */
class LegacyConversationIdsIT {

    @Test
    void aDirectConversationFromBeforeTheMigrationKeepsItsIdAndIsFoundAgain() throws Exception {
        DatabaseCoordinates database = TestEdge.infra().newDatabase("legacy_conversation_ids");
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/migration")
                .target("50")
                .load()
                .migrate();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        String low = alice.toString().compareTo(bob.toString()) <= 0 ? alice.toString() : bob.toString();
        String high = low.equals(alice.toString()) ? bob.toString() : alice.toString();
        UUID legacy = UUID.nameUUIDFromBytes(("direct:" + low + ":" + high).getBytes(StandardCharsets.UTF_8));
        try (Connection db = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            insertUser(db, alice, "alice");
            insertUser(db, bob, "bob");
            execute(
                    db,
                    "insert into conversations (id, type, created_by, created_at, last_activity)"
                            + " values (?, 'direct', ?, now(), now())",
                    legacy,
                    alice);
            for (UUID member : new UUID[] {alice, bob}) {
                execute(
                        db,
                        "insert into participants (conversation_id, user_id, joined_at, member) values (?, ?, now(), true)",
                        legacy,
                        member);
            }
        }

        try (TestEdge edge = TestEdge.startOn(database, Map.of())) {
            Answer fromBob = TestHttp.post(
                    edge.uri("/api/conversations"),
                    token(bob),
                    new JsonObject()
                            .put("participantIds", new JsonArray().add(alice.toString()))
                            .encode());

            assertThat(fromBob.status()).as(fromBob.toString()).isEqualTo(200);
            assertThat(fromBob.json().getString("conversationId")).isEqualTo(legacy.toString());
            assertThat(edge.get("/api/conversations/" + legacy, token(alice)).status())
                    .isEqualTo(200);
        }
    }

    private static String token(UUID user) {
        return HandMadeJwt.hs256(HandMadeJwt.claims(user.toString(), 300), TestEdge.JWT_SECRET);
    }

    private static void insertUser(Connection db, UUID id, String name) throws SQLException {
        execute(
                db,
                "insert into users (id, email, display_name) values (?, ?, ?)",
                id,
                name + "-" + id + "@example.com",
                name);
    }

    private static void execute(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
