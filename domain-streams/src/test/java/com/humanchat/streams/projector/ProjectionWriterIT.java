package com.humanchat.streams.projector;

import static com.humanchat.streams.projector.ProjectorTestKit.at;
import static com.humanchat.streams.projector.ProjectorTestKit.created;
import static com.humanchat.streams.projector.ProjectorTestKit.deleted;
import static com.humanchat.streams.projector.ProjectorTestKit.edited;
import static com.humanchat.streams.projector.ProjectorTestKit.managedRequest;
import static com.humanchat.streams.projector.ProjectorTestKit.read;
import static com.humanchat.streams.projector.ProjectorTestKit.requestChanged;
import static com.humanchat.streams.projector.ProjectorTestKit.requestCreated;
import static com.humanchat.streams.projector.ProjectorTestKit.reviewAnswered;
import static com.humanchat.streams.projector.ProjectorTestKit.reviewed;
import static com.humanchat.streams.projector.ProjectorTestKit.sent;
import static com.humanchat.streams.projector.ProjectorTestKit.session;
import static com.humanchat.streams.projector.ProjectorTestKit.sessionChanged;
import static com.humanchat.streams.projector.ProjectorTestKit.sessionRequested;
import static com.humanchat.streams.projector.ProjectorTestKit.unread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.humanchat.infra.embedded.DatabaseCoordinates;
import com.humanchat.migrations.Migrations;
import com.humanchat.migrations.PostgresUrl;
import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.Json;
import com.humanchat.schemas.chat.Attachment;
import com.humanchat.schemas.chat.ConversationIds;
import com.humanchat.schemas.chat.MessageKind;
import com.humanchat.schemas.chat.MessageReacted;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.ReadAdvanced;
import com.humanchat.schemas.requests.RequestStatus;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionCommandRejected;
import com.humanchat.schemas.sessions.SessionRejectionCode;
import com.humanchat.schemas.sessions.SessionStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
    private PGSimpleDataSource dataSource;
    private ProjectionWriter writer;

    @BeforeEach
    void freshDatabase() {
        DatabaseCoordinates db = ProjectorTestKit.INFRA.newDatabase("projection_writer_it");
        Migrations.apply(db.jdbcUrl(), db.user(), db.password());
        kit = new ProjectedRows(new PostgresUrl(db.host(), db.port(), db.database(), db.user(), db.password()));
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(db.jdbcUrl());
        dataSource.setUser(db.user());
        dataSource.setPassword(db.password());
        writer = new ProjectionWriter(dataSource);
    }

    @Test
    void ranksEverySessionStatusAsTheDatabaseGuardDoes() throws SQLException {
        // The writer folds a batch in Java with SessionStatus.lifecycleRank(); the upsert's guard uses the SQL
        // function.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement rank = connection.prepareStatement("select session_status_rank(?)")) {
            for (SessionStatus status : SessionStatus.values()) {
                rank.setString(1, status.wire());
                try (ResultSet row = rank.executeQuery()) {
                    row.next();
                    assertThat(row.getInt(1)).as(status.wire()).isEqualTo(status.lifecycleRank());
                }
            }
        }
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

    private List<Envelope> sessionsAndRequests(UUID sessionId, UUID requestId, UUID manager) {
        return List.of(
                created(conversation, ann, pair, at(0)),
                sessionRequested(session(sessionId, ann, bob, conversation, SessionStatus.REQUESTED, at(1))),
                sessionChanged(
                        SessionStatus.REQUESTED,
                        session(sessionId, ann, bob, conversation, SessionStatus.ACCEPTED, at(2))),
                sessionChanged(
                        SessionStatus.ACCEPTED,
                        session(sessionId, ann, bob, conversation, SessionStatus.AWAITING_PAYMENT, at(2))),
                new SessionCommandRejected(
                        UUID.randomUUID(),
                        1,
                        at(3),
                        sessionId,
                        UUID.randomUUID(),
                        "session.transition",
                        ann,
                        SessionRejectionCode.ILLEGAL_TRANSITION,
                        "only the host accepts"),
                requestCreated(managedRequest(requestId, ann, bob, manager, RequestStatus.PENDING, at(0))),
                requestChanged(managedRequest(requestId, ann, bob, manager, RequestStatus.APPROVED, at(4))));
    }

    @Test
    void sessionsAndRequestsReplayedInAnyBatchesKeepTheirRowsAndOneDecisionEach() throws SQLException {
        UUID sessionId = UUID.randomUUID();
        UUID requestId = UUID.randomUUID();
        UUID manager = UUID.randomUUID();
        List<Envelope> history = sessionsAndRequests(sessionId, requestId, manager);

        writer.write(history);
        Map<String, List<Map<String, Object>>> once = kit.snapshot();
        for (Envelope event : history) {
            writer.write(List.of(event));
        }
        writer.write(history.reversed());

        assertThat(kit.snapshot()).isEqualTo(once);
        assertThat(kit.row(
                        "select status, payment_mode, price_cents, currency, guest_user_id, host_user_id"
                                + " from sessions where id = ?",
                        sessionId))
                .isEqualTo(Map.of(
                        "status",
                        "awaiting_payment",
                        "payment_mode",
                        "paid",
                        "price_cents",
                        2500L,
                        "currency",
                        "usd",
                        "guest_user_id",
                        ann,
                        "host_user_id",
                        bob));
        assertThat(kit.row("select linked_session_id from conversations where id = ?", conversation))
                .isEqualTo(Map.of("linked_session_id", sessionId));
        assertThat(kit.row(
                        "select status, decided_by, conversation_id, requester_name, host_name from requests"
                                + " where id = ?",
                        requestId))
                .isEqualTo(Map.of(
                        "status",
                        "approved",
                        "decided_by",
                        manager,
                        "conversation_id",
                        ConversationIds.ofApprovedRequest(requestId),
                        "requester_name",
                        "Alice",
                        "host_name",
                        "Bob"));
        assertThat(kit.rows("select request_id, actor_id, from_status, to_status, reason from request_decisions"))
                .containsExactly(Map.of(
                        "request_id", requestId,
                        "actor_id", manager,
                        "from_status", "pending",
                        "to_status", "approved",
                        "reason", "fine"));
    }

    @Test
    void aReviewAndItsAnswerAreWrittenOnceAndNoReplayChangesOrUnhidesThem() throws SQLException {
        UUID sessionId = UUID.randomUUID();
        List<Envelope> history = List.of(
                sessionChanged(
                        SessionStatus.IN_PROGRESS, session(sessionId, ann, bob, null, SessionStatus.COMPLETED, at(30))),
                reviewed(sessionId, ann, bob, 4, "Clear and kind.", at(40)),
                reviewAnswered(sessionId, bob, "Thank you!", at(50)));

        writer.write(history.subList(0, 2));
        assertThat(kit.row("select rating, text, answer, hidden from session_reviews where session_id = ?", sessionId))
                .containsEntry("rating", 4)
                .containsEntry("text", "Clear and kind.")
                .containsEntry("answer", null)
                .containsEntry("hidden", false);
        writer.write(history.subList(2, 3));
        Map<String, List<Map<String, Object>>> once = kit.snapshot();
        assertThat(once.get("session_reviews"))
                .singleElement()
                .isEqualTo(columns(
                        "session_id",
                        sessionId,
                        "host_id",
                        bob,
                        "guest_id",
                        ann,
                        "rating",
                        4,
                        "text",
                        "Clear and kind.",
                        "answer",
                        "Thank you!",
                        "answered_at",
                        at(50),
                        "hidden",
                        false,
                        "created_at",
                        at(40)));

        writer.write(history);
        for (Envelope event : history) {
            writer.write(List.of(event));
        }
        writer.write(List.of(
                reviewed(sessionId, ann, bob, 1, "Changed my mind", at(60)),
                reviewAnswered(sessionId, bob, "Another answer", at(61))));
        assertThat(kit.snapshot()).isEqualTo(once);

        try (Connection connection = dataSource.getConnection();
                PreparedStatement hide =
                        connection.prepareStatement("update session_reviews set hidden = true where session_id = ?")) {
            hide.setObject(1, sessionId);
            hide.executeUpdate();
        }
        writer.write(history);
        assertThat(kit.row("select hidden, answer from session_reviews where session_id = ?", sessionId))
                .isEqualTo(Map.of("hidden", true, "answer", "Thank you!"));
    }

    /** A row as ProjectedRows reads it: column, value, column, value… */
    private static Map<String, Object> columns(Object... columnsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }

    @Test
    void aSessionNeverMovesBackAndCompletionKeepsItsTimes() throws SQLException {
        UUID sessionId = UUID.randomUUID();
        writer.write(List.of(
                sessionChanged(
                        SessionStatus.IN_PROGRESS, session(sessionId, ann, bob, null, SessionStatus.COMPLETED, at(30))),
                sessionRequested(session(sessionId, ann, bob, null, SessionStatus.REQUESTED, at(1)))));
        writer.write(List.of(sessionChanged(
                SessionStatus.REQUESTED, session(sessionId, ann, bob, null, SessionStatus.ACCEPTED, at(2)))));

        assertThat(kit.row("select status, started_at, completed_at, actual_duration_seconds from sessions"))
                .isEqualTo(Map.of(
                        "status",
                        "completed",
                        "started_at",
                        at(30).minusSeconds(1200),
                        "completed_at",
                        at(30),
                        "actual_duration_seconds",
                        1200L));
    }

    @Test
    void aSessionProjectedBeforeItsConversationIsLinkedWhenTheConversationArrives() throws SQLException {
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        writer.write(List.of(sessionRequested(session(newer, ann, bob, conversation, SessionStatus.REQUESTED, at(1)))));
        writer.write(List.of(created(conversation, ann, pair, at(0))));
        writer.write(List.of(sessionRequested(new Session(
                older,
                ann,
                bob,
                conversation,
                null,
                30,
                Money.of(0, "usd"),
                PaymentMode.FREE,
                SessionStatus.REQUESTED,
                at(0).minusSeconds(60),
                at(0).minusSeconds(60),
                null,
                null,
                null,
                null))));

        assertThat(kit.row("select linked_session_id from conversations"))
                .as("the latest session requested from the conversation, whatever the projection order")
                .isEqualTo(Map.of("linked_session_id", newer));
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
    void repliesReactionsAndReceiptsAreProjectedAndARepeatChangesNothing() throws Exception {
        MessageSent first = sent(conversation, 1, ann, "lunch at noon?", pair, at(1));
        MessageSent reply = new MessageSent(
                UUID.randomUUID(),
                1,
                at(2),
                conversation,
                UUID.randomUUID(),
                UUID.randomUUID(),
                2,
                bob,
                "c-2",
                "yes",
                MessageKind.TEXT,
                List.of(),
                pair,
                List.of(new Attachment(UUID.randomUUID(), "menu.pdf", "application/pdf", 48_000, null, null, false)),
                1L);
        MessageReacted bobLikes = new MessageReacted(
                UUID.randomUUID(), 1, at(3), conversation, UUID.randomUUID(), 1, bob, "👍", true, List.of(bob), pair);
        MessageReacted annLikes = new MessageReacted(
                UUID.randomUUID(),
                1,
                at(4),
                conversation,
                UUID.randomUUID(),
                1,
                ann,
                "👍",
                true,
                List.of(bob, ann),
                pair);
        MessageReacted bobParties = new MessageReacted(
                UUID.randomUUID(), 1, at(5), conversation, UUID.randomUUID(), 2, bob, "🎉", true, List.of(bob), pair);
        MessageReacted bobStopsPartying = new MessageReacted(
                UUID.randomUUID(), 1, at(6), conversation, UUID.randomUUID(), 2, bob, "🎉", false, List.of(), pair);
        ReadAdvanced annSees = new ReadAdvanced(UUID.randomUUID(), 1, at(7), conversation, UUID.randomUUID(), ann, 2);
        ReadAdvanced bobReadsQuietly =
                new ReadAdvanced(UUID.randomUUID(), 1, at(8), conversation, UUID.randomUUID(), bob, 2, false);
        List<Envelope> history = List.of(
                created(conversation, ann, pair, at(0)),
                first,
                reply,
                bobLikes,
                annLikes,
                bobParties,
                bobStopsPartying,
                annSees,
                bobReadsQuietly);

        writer.write(history);
        List<Map<String, Object>> once =
                kit.rows("select seq, reply_to_seq, reactions::text as reactions, tx" + " from messages order by seq");
        writer.write(history);

        assertThat(kit.rows("select seq, reply_to_seq, reactions::text as reactions, tx from messages order by seq"))
                .isEqualTo(once);
        assertThat(once.get(0)).containsEntry("reactions", "{\"👍\": [\"" + bob + "\", \"" + ann + "\"]}");
        assertThat(once.get(1)).containsEntry("reply_to_seq", 1L).containsEntry("reactions", "{}");
        assertThat(kit.row("select attachments -> 0 ->> 'name' as name from messages where seq = 2"))
                .as("a reply keeps its attachments")
                .containsEntry("name", "menu.pdf");
        assertThat(kit.rows("select user_id, last_read_seq, seen_seq from participants order by user_id"))
                .containsExactlyInAnyOrder(
                        Map.of("user_id", ann, "last_read_seq", 2L, "seen_seq", 2L),
                        Map.of("user_id", bob, "last_read_seq", 2L, "seen_seq", 0L));
    }

    @Test
    void aMentionIsStoredWithItsMessageAndMovesTheMentionedMembersMarkOnlyForward() throws Exception {
        UUID cat = UUID.randomUUID();
        List<UUID> trio = List.of(ann, bob, cat);
        MessageSent mentionsBobAndCat = mention(3, "<@" + bob + "> <@" + cat + ">", trio, List.of(bob, cat));
        MessageSent mentionsBobEarlier = mention(2, "<@" + bob + ">", trio, List.of(bob));
        List<Envelope> history = List.of(
                created(conversation, ann, trio, at(0)),
                sent(conversation, 1, ann, "hi", trio, at(1)),
                mentionsBobEarlier,
                mentionsBobAndCat);

        writer.write(history);
        List<Map<String, Object>> once = kit.rows("select user_id, mention_seq, tx from participants order by user_id");
        writer.write(List.of(mentionsBobEarlier));
        writer.write(history);

        assertThat(kit.rows("select user_id, mention_seq, tx from participants order by user_id"))
                .isEqualTo(once);
        assertThat(kit.rows("select user_id, mention_seq from participants order by user_id"))
                .containsExactlyInAnyOrder(
                        Map.of("user_id", ann, "mention_seq", 0L),
                        Map.of("user_id", bob, "mention_seq", 3L),
                        Map.of("user_id", cat, "mention_seq", 3L));
        assertThat(kit.row("select mentioned_user_ids::text as ids from messages where seq = 3"))
                .containsEntry("ids", "[\"" + bob + "\", \"" + cat + "\"]");
    }

    private MessageSent mention(long seq, String content, List<UUID> members, List<UUID> mentioned) {
        return new MessageSent(
                UUID.randomUUID(),
                1,
                at((int) seq),
                conversation,
                UUID.randomUUID(),
                UUID.randomUUID(),
                seq,
                ann,
                "c-" + seq,
                content,
                MessageKind.TEXT,
                List.of(),
                members,
                List.of(),
                null,
                mentioned);
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
