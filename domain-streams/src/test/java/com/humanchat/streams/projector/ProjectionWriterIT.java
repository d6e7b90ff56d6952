package com.humanchat.streams.projector;

import static com.humanchat.streams.projector.ProjectorTestKit.at;
import static com.humanchat.streams.projector.ProjectorTestKit.created;
import static com.humanchat.streams.projector.ProjectorTestKit.deleted;
import static com.humanchat.streams.projector.ProjectorTestKit.edited;
import static com.humanchat.streams.projector.ProjectorTestKit.read;
import static com.humanchat.streams.projector.ProjectorTestKit.sent;
import static com.humanchat.streams.projector.ProjectorTestKit.unread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.humanchat.infra.embedded.DatabaseCoordinates;
import com.humanchat.migrations.Migrations;
import com.humanchat.migrations.PostgresUrl;
import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.Json;
import com.humanchat.schemas.chat.MessageKind;
import com.humanchat.schemas.chat.MessageSent;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The batch writer alone against a fresh database: exact batch boundaries, no Kafka. */
class ProjectionWriterIT {

    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID conversation = UUID.randomUUID();
    private final List<UUID> pair = List.of(ann, bob);

    private ProjectedRows kit;
    private ProjectionWriter writer;

    @BeforeEach
    void freshDatabase() {
        DatabaseCoordinates db = ProjectorTestKit.INFRA.newDatabase("projection_writer_it");
        Migrations.apply(db.jdbcUrl(), db.user(), db.password());
        kit = new ProjectedRows(new PostgresUrl(db.host(), db.port(), db.database(), db.user(), db.password()));
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(db.jdbcUrl());
        dataSource.setUser(db.user());
        dataSource.setPassword(db.password());
        writer = new ProjectionWriter(dataSource);
    }

    private List<Envelope> history() {
        return List.of(
                created(conversation, ann, pair, at(0)),
                sent(conversation, 1, ann, "one", pair, at(1)),
                unread(bob, conversation, 1, 0, 1),
                sent(conversation, 2, bob, "two", pair, at(2)),
                unread(bob, conversation, 2, 2, 0),
                unread(ann, conversation, 2, 1, 1),
                edited(conversation, 2, bob, "two!", at(3)),
                sent(conversation, 3, ann, "three", pair, at(4)),
                unread(bob, conversation, 3, 2, 1),
                deleted(conversation, 3, ann, at(5)),
                read(conversation, ann, 2, at(6)),
                unread(ann, conversation, 3, 3, 0));
    }

    @Test
    void writingTheHistoryAgainInAnyBatchesChangesNoRowNorItsTx() throws SQLException {
        writer.write(history());
        Map<String, List<Map<String, Object>>> once = kit.snapshot();
        assertThat(once.get("messages")).hasSize(3);
        assertThat(kit.row("select last_seq from conversations")).isEqualTo(Map.of("last_seq", 3L));

        writer.write(history());
        for (Envelope event : history()) {
            writer.write(List.of(event));
        }
        writer.write(history().subList(4, 12));

        assertThat(kit.snapshot()).isEqualTo(once);
    }

    @Test
    void writingTheHistoryEventByEventGivesTheRowsOfOneBatch() throws SQLException {
        writer.write(history());
        Map<String, List<Map<String, Object>>> oneBatch = withoutTx(kit.snapshot());

        freshDatabase();
        for (Envelope event : history()) {
            writer.write(List.of(event));
        }

        assertThat(withoutTx(kit.snapshot())).isEqualTo(oneBatch);
    }

    @Test
    void aCountOlderThanOneBeforeItInTheSameBatchChangesNeitherItsRowNorTheTotal() throws SQLException {
        writer.write(List.of(unread(bob, conversation, 5, 4, 1), unread(bob, conversation, 5, 3, 2)));

        assertThat(kit.row("select p.unread_count, p.unread_as_of_read, t.total_unread from participants p"
                        + " join unread_totals t using (user_id)"))
                .isEqualTo(Map.of("unread_count", 1L, "unread_as_of_read", 4L, "total_unread", 1L));
    }

    @Test
    void theTotalIsTheOneOfTheUsersLastCount() throws SQLException {
        UUID other = UUID.randomUUID();
        writer.write(List.of(unread(bob, conversation, 2, 0, 2), unread(bob, other, 3, 0, 5)));
        writer.write(List.of(unread(bob, conversation, 2, 2, 3)));

        assertThat(kit.row("select total_unread from unread_totals")).isEqualTo(Map.of("total_unread", 3L));
        assertThat(kit.rows("select unread_count from participants order by unread_count"))
                .containsExactly(Map.of("unread_count", 0L), Map.of("unread_count", 3L));
    }

    @Test
    void messagesProjectedBeforeTheirConversationStillSetItsLastSeq() throws SQLException {
        writer.write(List.of(
                sent(conversation, 1, ann, "one", pair, at(1)), sent(conversation, 2, bob, "two", pair, at(2))));
        writer.write(List.of(created(conversation, ann, pair, at(0))));

        assertThat(kit.row("select last_seq, last_activity from conversations"))
                .isEqualTo(Map.of("last_seq", 2L, "last_activity", at(2)));
    }

    @Test
    void aDeletedMessageStaysDeletedAndAnOlderEditNeverWins() throws SQLException {
        writer.write(List.of(
                created(conversation, ann, pair, at(0)),
                sent(conversation, 1, ann, "one", pair, at(1)),
                sent(conversation, 2, ann, "two", pair, at(2)),
                deleted(conversation, 1, ann, at(3)),
                edited(conversation, 2, ann, "newer", at(5))));
        writer.write(
                List.of(edited(conversation, 1, ann, "revived?", at(6)), edited(conversation, 2, ann, "older", at(4))));

        assertThat(kit.rows("select seq, content, edited_at, deleted_at from messages order by seq"))
                .containsExactly(row(1, null, null, at(3)), row(2, "newer", at(5), null));
    }

    @Test
    void messageTextAndActionsSurviveTheArrayEncodingUnchanged() throws Exception {
        String tricky = "quotes \" ' , {braces} \\ backslash, NULL, emoji \uD83D\uDE00, new\nline";
        MessageSent message = sent(conversation, 1, ann, tricky, pair, at(1));
        MessageSent withActions = new MessageSent(
                message.eventId(),
                1,
                message.occurredAt(),
                conversation,
                message.commandId(),
                message.messageId(),
                1,
                ann,
                "client \"1\"",
                tricky,
                MessageKind.SAM,
                List.of(Json.mapper().readTree("{\"kind\":\"book\",\"label\":\"a \\\"b\\\"\"}")),
                pair);

        writer.write(List.of(withActions));

        assertThat(kit.row("select content, client_message_id, type, actions::text as actions from messages"))
                .containsEntry("content", tricky)
                .containsEntry("client_message_id", "client \"1\"")
                .containsEntry("type", "sam")
                .containsEntry("actions", "[{\"kind\": \"book\", \"label\": \"a \\\"b\\\"\"}]");
    }

    @Test
    void dataPostgresRefusesIsPermanentWhileNoConnectionIsNot() {
        assertThatThrownBy(() -> writer.write(List.of(
                        created(conversation, ann, pair, at(0)), sent(conversation, 1, ann, "\u0000", pair, at(1)))))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(ProjectionWriter.isPermanent(e))
                        .isTrue());
        assertThat(kit.count("select count(*) from conversations"))
                .as("nothing of a failed batch is committed")
                .isZero();

        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        assertThatThrownBy(() -> new ProjectionWriter(nowhere).write(List.of(created(conversation, ann, pair, at(0)))))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(ProjectionWriter.isPermanent(e))
                        .isFalse());
    }

    private static Map<String, List<Map<String, Object>>> withoutTx(Map<String, List<Map<String, Object>>> snapshot) {
        snapshot.values().forEach(table -> table.forEach(row -> row.remove("tx")));
        return snapshot;
    }

    private static Map<String, Object> row(long seq, String content, Object editedAt, Object deletedAt) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("seq", seq);
        row.put("content", content);
        row.put("edited_at", editedAt);
        row.put("deleted_at", deletedAt);
        return row;
    }
}
