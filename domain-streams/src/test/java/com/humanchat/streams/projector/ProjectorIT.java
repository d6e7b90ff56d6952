package com.humanchat.streams.projector;

import static com.humanchat.streams.projector.ProjectorTestKit.WAIT;
import static com.humanchat.streams.projector.ProjectorTestKit.at;
import static com.humanchat.streams.projector.ProjectorTestKit.created;
import static com.humanchat.streams.projector.ProjectorTestKit.deleted;
import static com.humanchat.streams.projector.ProjectorTestKit.edited;
import static com.humanchat.streams.projector.ProjectorTestKit.managedRequest;
import static com.humanchat.streams.projector.ProjectorTestKit.read;
import static com.humanchat.streams.projector.ProjectorTestKit.requestChanged;
import static com.humanchat.streams.projector.ProjectorTestKit.requestCreated;
import static com.humanchat.streams.projector.ProjectorTestKit.sent;
import static com.humanchat.streams.projector.ProjectorTestKit.session;
import static com.humanchat.streams.projector.ProjectorTestKit.sessionChanged;
import static com.humanchat.streams.projector.ProjectorTestKit.sessionRequested;
import static com.humanchat.streams.projector.ProjectorTestKit.unread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.schemas.chat.CommandRejected;
import com.humanchat.schemas.chat.RejectionCode;
import com.humanchat.schemas.requests.RequestStatus;
import com.humanchat.schemas.sessions.SessionStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The projector against the real broker and a fresh PostgreSQL database per test. */
class ProjectorIT {

    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID cid = UUID.randomUUID();
    private final UUID conversation = UUID.randomUUID();
    private final List<UUID> members = List.of(ann, bob, cid);

    private ProjectorTestKit kit;
    private MeterRegistry registry;

    @BeforeEach
    void setUp() {
        kit = ProjectorTestKit.create("projectorit");
        registry = new SimpleMeterRegistry();
    }

    @AfterEach
    void tearDown() {
        kit.close();
    }

    @Test
    void projectsAConversationWithMessagesEditsDeletesAndReadState() {
        ProjectorConfig config = kit.config(2);
        try (Projector projector = Projector.start(config, registry)) {
            kit.send(
                    created(conversation, ann, members, at(0)),
                    sent(conversation, 1, ann, "hello", members, at(1)),
                    sent(conversation, 2, bob, "hi ann", members, at(2)),
                    sent(conversation, 3, ann, "oops", members, at(3)),
                    edited(conversation, 2, bob, "hi Ann!", at(4)),
                    deleted(conversation, 3, ann, at(5)),
                    read(conversation, bob, 1, at(6)),
                    rejected(conversation));
            kit.send(unread(bob, conversation, 3, 2, 1), unread(cid, conversation, 3, 0, 3));

            kit.awaitCaughtUp(config.groupId());

            assertThat(kit.row("select type, created_by, created_at, last_seq, last_activity from conversations"))
                    .containsEntry("type", "group")
                    .containsEntry("created_by", ann)
                    .containsEntry("created_at", (at(0)))
                    .containsEntry("last_seq", 3L)
                    .containsEntry("last_activity", (at(3)));
            assertThat(kit.rows(
                            "select seq, sender_id, content, type, edited_at, deleted_at from messages order by seq"))
                    .containsExactly(
                            message(1, ann, "hello", null, null),
                            message(2, bob, "hi Ann!", (at(4)), null),
                            message(3, ann, null, null, (at(5))));
            assertThat(kit.rows(
                            "select user_id, member, joined_at, last_read_seq, unread_count from participants"
                                    + " where conversation_id = ?",
                            conversation))
                    .containsExactlyInAnyOrder(
                            participant(ann, 0, 0),
                            participant(bob, 2, 1), // read-advanced said 1, the unread count's position says 2
                            participant(cid, 0, 3));
            assertThat(kit.rows("select user_id, total_unread from unread_totals order by total_unread"))
                    .containsExactly(
                            Map.of("user_id", bob, "total_unread", 1L), Map.of("user_id", cid, "total_unread", 3L));

            await().atMost(WAIT).until(() -> projector.isHealthy() && projector.lag() == 0);
            assertThat(counter(ProjectorMetrics.RECORDS)).isEqualTo(10);
            assertThat(counter(ProjectorMetrics.DEAD_LETTERS)).isZero();
        }
        assertThat(registry.find(ProjectorMetrics.RECORDS).meters())
                .as("meters are removed on close")
                .isEmpty();
    }

    @Test
    void replayingEveryEventAgainChangesNoRowNorItsTx() {
        List<UUID> pair = List.of(ann, bob);
        ProjectorConfig first = kit.config(1);
        try (Projector projector = Projector.start(first, registry)) {
            produceHistory(pair);
            kit.awaitCaughtUp(first.groupId());
        }
        Map<String, List<Map<String, Object>>> before = kit.snapshot();
        assertThat(before.get("messages")).hasSize(3);
        assertThat(before.get("participants")).hasSize(2);

        // The same events once more on the topics (a re-emission after a Streams crash), a duplicate message.sent,
        // and a new consumer group that reads both copies from the start.
        produceHistory(pair);
        kit.send(sent(conversation, 2, bob, "two", pair, at(2)));
        ProjectorConfig replay = first.withGroupId(first.groupId() + "-replay");
        try (Projector projector = Projector.start(replay, new SimpleMeterRegistry())) {
            kit.awaitCaughtUp(replay.groupId());
        }

        assertThat(kit.snapshot()).isEqualTo(before);
        assertThat(kit.deadLetters(kit.eventsTopic)).isEmpty();
        assertThat(kit.deadLetters(kit.unreadTopic)).isEmpty();
    }

    @Test
    void projectsSessionsAndRequestsAndAReplayByAnotherGroupChangesNothing() {
        List<UUID> pair = List.of(ann, bob);
        UUID sessionId = UUID.randomUUID();
        UUID requestId = UUID.randomUUID();
        ProjectorConfig first = kit.config(2);
        try (Projector projector = Projector.start(first, registry)) {
            kit.send(created(conversation, ann, pair, at(0)));
            kit.awaitCaughtUp(first.groupId());
            produceSessionAndRequest(sessionId, requestId);
            kit.awaitCaughtUp(first.groupId());
        }
        Map<String, List<Map<String, Object>>> before = kit.snapshot();
        assertThat(kit.row("select status, completed_at, actual_duration_seconds from sessions"))
                .isEqualTo(Map.of("status", "completed", "completed_at", at(40), "actual_duration_seconds", 1200L));
        assertThat(kit.row("select linked_session_id from conversations"))
                .isEqualTo(Map.of("linked_session_id", sessionId));
        assertThat(kit.row("select status from requests")).isEqualTo(Map.of("status", "declined"));
        assertThat(kit.count("select count(*) from request_decisions")).isEqualTo(1);

        produceSessionAndRequest(sessionId, requestId);
        ProjectorConfig replay = first.withGroupId(first.groupId() + "-replay");
        try (Projector projector = Projector.start(replay, new SimpleMeterRegistry())) {
            kit.awaitCaughtUp(replay.groupId());
        }

        assertThat(kit.snapshot()).isEqualTo(before);
        assertThat(kit.deadLetters(kit.sessionsTopic)).isEmpty();
        assertThat(kit.deadLetters(kit.requestsTopic)).isEmpty();
    }

    private void produceSessionAndRequest(UUID sessionId, UUID requestId) {
        kit.send(
                sessionRequested(session(sessionId, ann, bob, conversation, SessionStatus.REQUESTED, at(1))),
                sessionChanged(
                        SessionStatus.REQUESTED,
                        session(sessionId, ann, bob, conversation, SessionStatus.ACCEPTED, at(2))),
                sessionChanged(
                        SessionStatus.ACCEPTED,
                        session(sessionId, ann, bob, conversation, SessionStatus.CONFIRMED, at(2))),
                sessionChanged(
                        SessionStatus.CONFIRMED,
                        session(sessionId, ann, bob, conversation, SessionStatus.IN_PROGRESS, at(20))),
                sessionChanged(
                        SessionStatus.IN_PROGRESS,
                        session(sessionId, ann, bob, conversation, SessionStatus.COMPLETED, at(40))));
        kit.send(
                requestCreated(managedRequest(requestId, ann, bob, cid, RequestStatus.PENDING, at(0))),
                requestChanged(managedRequest(requestId, ann, bob, cid, RequestStatus.DECLINED, at(5))));
    }

    private void produceHistory(List<UUID> pair) {
        kit.send(
                created(conversation, ann, pair, at(0)),
                sent(conversation, 1, ann, "one", pair, at(1)),
                sent(conversation, 2, bob, "two", pair, at(2)),
                edited(conversation, 1, ann, "one!", at(3)),
                edited(conversation, 1, ann, "one!!", at(4)),
                sent(conversation, 3, ann, "three", pair, at(5)),
                deleted(conversation, 3, ann, at(6)),
                read(conversation, ann, 2, at(7)));
        // bob: after message 1 (1 unread), after his own message 2 (0), after message 3 (1); ann reads up to 2.
        kit.send(
                unread(bob, conversation, 1, 0, 1),
                unread(bob, conversation, 2, 2, 0),
                unread(ann, conversation, 2, 1, 1),
                unread(ann, conversation, 2, 2, 0),
                unread(bob, conversation, 3, 2, 1),
                unread(ann, conversation, 3, 3, 0));
    }

    @Test
    void unreadCountProjectedBeforeTheConversationEndsAsMemberWithItsCounts() {
        List<UUID> pair = List.of(ann, bob);
        ProjectorConfig config = kit.config(1);
        try (Projector projector = Projector.start(config, registry)) {
            kit.send(unread(bob, conversation, 4, 1, 3));
            await().atMost(WAIT)
                    .until(() -> kit.count("select count(*) from participants where user_id = ?", bob) == 1);
            assertThat(kit.row("select member, joined_at from participants where user_id = ?", bob))
                    .containsEntry("member", false);

            kit.send(created(conversation, ann, pair, at(0)));
            await().atMost(WAIT).until(() -> kit.count("select count(*) from participants where member") == 2);

            assertThat(kit.row(
                            "select member, joined_at, unread_count, last_read_seq, unread_as_of_seq,"
                                    + " unread_as_of_read from participants where user_id = ?",
                            bob))
                    .containsEntry("member", true)
                    .containsEntry("joined_at", (at(0)))
                    .containsEntry("unread_count", 3L)
                    .containsEntry("last_read_seq", 1L)
                    .containsEntry("unread_as_of_seq", 4L)
                    .containsEntry("unread_as_of_read", 1L);
            assertThat(kit.row("select total_unread from unread_totals where user_id = ?", bob))
                    .containsEntry("total_unread", 3L);
        }
    }

    @Test
    void anOlderUnreadCountNeverOverwritesANewerOne() {
        ProjectorConfig config = kit.config(1);
        try (Projector projector = Projector.start(config, registry)) {
            // In two batches: the database guard keeps the newer count.
            kit.send(unread(bob, conversation, 5, 2, 3));
            kit.awaitCaughtUp(config.groupId());
            kit.send(unread(bob, conversation, 4, 2, 2));
            kit.awaitCaughtUp(config.groupId());
            assertThat(unreadOfBob()).isEqualTo(Map.of("unread_count", 3L, "total_unread", 3L));
        }

        // In one batch (produced while no projector runs): newer by read position alone, then older by it alone.
        kit.send(unread(bob, conversation, 5, 4, 1), unread(bob, conversation, 5, 3, 2));
        try (Projector projector = Projector.start(config, new SimpleMeterRegistry())) {
            kit.awaitCaughtUp(config.groupId());
        }
        assertThat(unreadOfBob()).isEqualTo(Map.of("unread_count", 1L, "total_unread", 1L));
        assertThat(kit.row("select last_read_seq, unread_as_of_seq, unread_as_of_read from participants"))
                .isEqualTo(Map.of("last_read_seq", 4L, "unread_as_of_seq", 5L, "unread_as_of_read", 4L));
    }

    private Map<String, Object> unreadOfBob() {
        return kit.row(
                "select p.unread_count, t.total_unread from participants p join unread_totals t using (user_id)"
                        + " where p.user_id = ?",
                bob);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsProjected() {
        ProjectorConfig config = kit.config(1);
        try (Projector projector = Projector.start(config, registry)) {
            String key = conversation.toString();
            kit.sendRaw(kit.eventsTopic, key, "{not json".getBytes(StandardCharsets.UTF_8));
            kit.sendRaw(
                    kit.eventsTopic,
                    key,
                    ("{\"type\":\"message.sent\",\"eventId\":\"" + UUID.randomUUID() + "\",\"version\":1,"
                                    + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"conversationId\":\"" + conversation
                                    + "\",\"seq\":1,\"participantIds\":[]}")
                            .getBytes(StandardCharsets.UTF_8));
            kit.sendRaw(
                    kit.unreadTopic, bob.toString(), "{\"type\":\"unread.exploded\"}".getBytes(StandardCharsets.UTF_8));
            kit.send(created(conversation, ann, List.of(ann, bob), at(0)));
            // Valid JSON PostgreSQL refuses: text cannot hold a NUL character.
            kit.send(sent(conversation, 1, ann, "nul \u0000 inside", List.of(ann, bob), at(1)));
            kit.send(sent(conversation, 2, ann, "fine", List.of(ann, bob), at(2)));
            kit.send(unread(bob, conversation, 0, 0, 0));

            kit.awaitCaughtUp(config.groupId());

            assertThat(kit.count("select count(*) from conversations")).isEqualTo(1);
            assertThat(kit.rows("select seq, content from messages"))
                    .containsExactly(Map.of("seq", 2L, "content", "fine"));
            assertThat(kit.count("select count(*) from unread_totals")).isEqualTo(1);

            List<ConsumerRecord<byte[], byte[]>> events = kit.deadLetters(kit.eventsTopic);
            assertThat(events).hasSize(3);
            assertThat(new String(events.get(0).value(), StandardCharsets.UTF_8))
                    .isEqualTo("{not json");
            assertThat(new String(events.get(0).key(), StandardCharsets.UTF_8)).isEqualTo(key);
            assertThat(header(events.get(0), DeadLetters.REASON)).isNotBlank();
            assertThat(header(events.get(0), DeadLetters.SOURCE_TOPIC)).isEqualTo(kit.eventsTopic);
            assertThat(header(events.get(0), DeadLetters.SOURCE_OFFSET)).isNotBlank();
            assertThat(header(events.get(1), DeadLetters.REASON)).contains("messageId", "senderId");
            assertThat(header(events.get(2), DeadLetters.REASON)).contains("refused by PostgreSQL");
            assertThat(kit.deadLetters(kit.unreadTopic)).hasSize(1);

            assertThat(counter(ProjectorMetrics.DEAD_LETTERS)).isEqualTo(4);
            assertThat(counter(ProjectorMetrics.RECORDS)).isEqualTo(3);
            assertThat(projector.isHealthy()).isTrue();
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private double counter(String name) {
        return registry.find(name).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private static CommandRejected rejected(UUID conversation) {
        return new CommandRejected(
                UUID.randomUUID(),
                1,
                Instant.now(),
                conversation,
                UUID.randomUUID(),
                "message.send",
                UUID.randomUUID(),
                "client-x",
                RejectionCode.values()[0],
                "not a member");
    }

    private static Map<String, Object> message(
            long seq, UUID sender, String content, Instant editedAt, Instant deletedAt) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("seq", seq);
        row.put("sender_id", sender);
        row.put("content", content);
        row.put("type", "text");
        row.put("edited_at", editedAt);
        row.put("deleted_at", deletedAt);
        return row;
    }

    private Map<String, Object> participant(UUID user, long lastReadSeq, long unreadCount) {
        return Map.of(
                "user_id",
                user,
                "member",
                true,
                "joined_at",
                (at(0)),
                "last_read_seq",
                lastReadSeq,
                "unread_count",
                unreadCount);
    }
}
