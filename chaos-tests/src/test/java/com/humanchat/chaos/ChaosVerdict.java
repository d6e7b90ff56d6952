package com.humanchat.chaos;

import com.humanchat.chaos.ChatDriver.Conversation;
import com.humanchat.chaos.ChatDriver.ReadMark;
import com.humanchat.chaos.ChatDriver.SendRecord;
import com.humanchat.chaos.ChatDriver.User;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the run left behind, judged against what the driver recorded: the projection in PostgreSQL (every answered
 * send present once, {@code seq} 1..n per conversation), the deliveries each socket received, and the unread counts
 * the API serves against what the history and the read marks imply. Findings that must be zero are named in
 * {@link #problems()}; the rest are counts for the report.
 */
record ChaosVerdict(
        long sendsAttempted,
        long answered201,
        long answered202,
        long sendsThatFailedOnce,
        long attempts503,
        long attemptsTimedOut,
        long attemptsRefusedOrReset,
        long retriedThenAnswered,
        long gaveUp,
        long gaveUpButStored,
        long unexpectedStatuses,
        long messagesInProjection,
        long answeredMissingFromProjection,
        long seqDifferentFrom201,
        long duplicateMessages,
        long foreignMessages,
        long conversationsWithGap,
        long missingSeqs,
        long lastSeqMismatches,
        long expectedDeliveries,
        long delivered,
        long missingDeliveries,
        long sameSocketDuplicates,
        long replayedAfterResume,
        long foreignFrames,
        long readMarks,
        long readMarksUnacked,
        long unreadChecked,
        long unreadNonZero,
        long unreadMismatches,
        long totalUnreadMismatches,
        List<String> examples) {

    /** Everything that must be zero, named; empty when the run is clean. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        check(problems, "answered sends missing from the projection", answeredMissingFromProjection);
        check(problems, "201 answers whose seq differs from the projection", seqDifferentFrom201);
        check(problems, "(sender, clientMessageId) stored more than once", duplicateMessages);
        check(problems, "messages the driver never sent", foreignMessages);
        check(problems, "conversations with a seq gap", conversationsWithGap);
        check(problems, "conversations whose last_seq differs from their messages", lastSeqMismatches);
        check(problems, "deliveries missing (member never got a stored message)", missingDeliveries);
        check(problems, "duplicates on one socket", sameSocketDuplicates);
        check(problems, "frames of conversations the user is not in", foreignFrames);
        check(problems, "unread counts differing from history and read marks", unreadMismatches);
        check(problems, "total unread differing from the per-conversation counts", totalUnreadMismatches);
        check(problems, "sends answered with an unexpected status", unexpectedStatuses);
        return problems;
    }

    private static void check(List<String> problems, String what, long count) {
        if (count != 0) {
            problems.add(what + ": " + count);
        }
    }

    static ChaosVerdict judge(ChatDriver driver, String jdbcUrl, String password, String anyLiveEdge) throws Exception {
        List<String> examples = new ArrayList<>();
        Map<String, StoredMessage> stored = new HashMap<>(); // conversationId/senderId/clientMessageId
        Map<UUID, List<Long>> seqsByConversation = new HashMap<>();
        Map<UUID, Long> lastSeqColumn = new HashMap<>();
        Map<UUID, Long> totals = new HashMap<>();
        long duplicateMessages = 0;
        try (Connection db = password == null || password.isEmpty()
                ? DriverManager.getConnection(jdbcUrl)
                : DriverManager.getConnection(jdbcUrl + "&password=" + password)) {
            try (PreparedStatement query = db.prepareStatement(
                            "select conversation_id, seq, sender_id, client_message_id from messages order by conversation_id, seq");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    UUID conversation = rows.getObject(1, UUID.class);
                    long seq = rows.getLong(2);
                    String key = conversation + "/" + rows.getObject(3, UUID.class) + "/" + rows.getString(4);
                    if (stored.put(key, new StoredMessage(conversation, seq)) != null) {
                        duplicateMessages++;
                        example(examples, "stored twice: " + key);
                    }
                    seqsByConversation
                            .computeIfAbsent(conversation, c -> new ArrayList<>())
                            .add(seq);
                }
            }
            try (PreparedStatement query = db.prepareStatement("select id, last_seq from conversations");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lastSeqColumn.put(rows.getObject(1, UUID.class), rows.getLong(2));
                }
            }
            try (PreparedStatement query = db.prepareStatement("select user_id, total_unread from unread_totals");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    totals.put(rows.getObject(1, UUID.class), rows.getLong(2));
                }
            }
        }

        long answered201 = 0, answered202 = 0, failedOnce = 0, a503 = 0, timedOut = 0, refused = 0;
        long retriedThenAnswered = 0, gaveUp = 0, gaveUpButStored = 0, unexpected = 0, missing = 0, seqDiffers = 0;
        java.util.Set<String> sentKeys = new java.util.HashSet<>();
        for (SendRecord send : driver.sends) {
            String key = send.conversation().id() + "/" + send.sender().id() + "/" + send.clientMessageId();
            sentKeys.add(key);
            StoredMessage message = stored.get(key);
            for (ChatDriver.Attempt attempt : send.attempts) {
                if (attempt.status() == 503) {
                    a503++;
                } else if ("timeout".equals(attempt.error())) {
                    timedOut++;
                } else if (attempt.status() == 0) {
                    refused++;
                }
            }
            boolean failed = send.failedOnce();
            if (failed) {
                failedOnce++;
            }
            int answer = send.answer.get();
            if (answer == 201 || answer == 202) {
                if (answer == 201) {
                    answered201++;
                } else {
                    answered202++;
                }
                if (failed) {
                    retriedThenAnswered++;
                }
                if (message == null) {
                    missing++;
                    example(examples, "answered " + answer + " but not projected: " + key);
                } else if (answer == 201 && message.seq() != send.seq.get()) {
                    seqDiffers++;
                    example(examples, "201 seq " + send.seq.get() + " but projected " + message.seq() + ": " + key);
                }
            } else if (answer == 0) {
                gaveUp++;
                if (message != null) {
                    gaveUpButStored++;
                }
            } else {
                unexpected++;
                example(examples, "answered " + answer + ": " + send.unexpected.get());
            }
        }
        long foreign =
                stored.keySet().stream().filter(k -> !sentKeys.contains(k)).count();

        long conversationsWithGap = 0, missingSeqs = 0, lastSeqMismatches = 0;
        Map<UUID, Long> lastSeq = new HashMap<>();
        for (Conversation conversation : driver.conversations()) {
            List<Long> seqs = seqsByConversation.getOrDefault(conversation.id(), List.of());
            long max = seqs.isEmpty() ? 0 : seqs.get(seqs.size() - 1);
            lastSeq.put(conversation.id(), max);
            boolean contiguous = true;
            for (int i = 0; i < seqs.size(); i++) {
                if (seqs.get(i) != i + 1) {
                    contiguous = false;
                    break;
                }
            }
            if (!contiguous) {
                conversationsWithGap++;
                missingSeqs += max - seqs.size();
                example(examples, "seq gap in " + conversation.id() + ": " + seqs.size() + " messages, max " + max);
            }
            if (lastSeqColumn.getOrDefault(conversation.id(), 0L) != max) {
                lastSeqMismatches++;
                example(examples, "last_seq " + lastSeqColumn.get(conversation.id()) + " but max seq " + max);
            }
        }

        long expectedDeliveries = 0, delivered = 0, missingDeliveries = 0;
        for (Conversation conversation : driver.conversations()) {
            long max = lastSeq.get(conversation.id());
            for (User member : conversation.members()) {
                for (long seq = 1; seq <= max; seq++) {
                    expectedDeliveries++;
                    if (member.received.containsKey(driver.deliveryKey(conversation, seq))) {
                        delivered++;
                    } else {
                        missingDeliveries++;
                        example(
                                examples,
                                "user " + member.index() + " never got seq " + seq + " of " + conversation.id());
                    }
                }
            }
        }
        long sameSocket = 0, replayed = 0, foreignFrames = 0;
        for (User user : driver.users()) {
            sameSocket += user.sameSocketDuplicates.get();
            replayed += user.replayedAfterResume.get();
            foreignFrames += user.foreignFrames.get();
        }

        // Read positions: own messages and acknowledged marks are certain; an unacknowledged mark may or may not apply.
        Map<String, long[]> readPositions = new HashMap<>(); // user/conversation -> {certain, possible}
        long unacked = 0;
        for (ReadMark mark : driver.readMarks) {
            long[] position = readPositions.computeIfAbsent(
                    mark.user().id() + "/" + mark.conversation().id(), k -> new long[2]);
            if (mark.acked().get()) {
                position[0] = Math.max(position[0], mark.seq());
            } else {
                unacked++;
            }
            position[1] = Math.max(position[1], mark.seq());
        }
        Map<String, Long> ownMax = new HashMap<>(); // the sender's own message moves its read position
        for (Map.Entry<String, StoredMessage> entry : stored.entrySet()) {
            String[] parts = entry.getKey().split("/", 3);
            ownMax.merge(parts[1] + "/" + parts[0], entry.getValue().seq(), Math::max);
        }
        long unreadChecked = 0, unreadNonZero = 0, unreadMismatches = 0, totalMismatches = 0;
        for (User user : driver.users()) {
            HttpResponse<String> response =
                    driver.call(anyLiveEdge, "GET", "/api/conversations?limit=100", user.token(), null);
            if (response.statusCode() != 200) {
                unreadMismatches++;
                example(examples, "GET /api/conversations for user " + user.index() + ": " + response.statusCode());
                continue;
            }
            Map<UUID, Long> served = new HashMap<>();
            for (Object item : new JsonObject(response.body()).getJsonArray("items")) {
                JsonObject conversation = (JsonObject) item;
                served.put(
                        UUID.fromString(conversation.getString("conversationId")),
                        conversation.getLong("unreadCount", -1L));
            }
            long expectedTotal = 0;
            boolean exact = true;
            for (Conversation conversation : user.conversations()) {
                String key = user.id() + "/" + conversation.id();
                long[] position = readPositions.getOrDefault(key, new long[2]);
                long own = ownMax.getOrDefault(key, 0L);
                long last = lastSeq.get(conversation.id());
                long most = last - Math.max(own, position[0]);
                long least = last - Math.max(own, position[1]);
                long actual = served.getOrDefault(conversation.id(), -1L);
                unreadChecked++;
                if (actual != 0) {
                    unreadNonZero++;
                }
                if (actual < least || actual > most) {
                    unreadMismatches++;
                    example(
                            examples,
                            "user " + user.index() + " unread " + actual + " in " + conversation.id() + ", expected "
                                    + (least == most ? least : least + ".." + most) + " (last " + last + ", own "
                                    + own + ", read " + position[0] + ")");
                }
                exact &= least == most;
                expectedTotal += most;
            }
            long total = totals.getOrDefault(user.id(), 0L);
            if (exact && total != expectedTotal) {
                totalMismatches++;
                example(examples, "user " + user.index() + " total unread " + total + ", expected " + expectedTotal);
            }
        }

        return new ChaosVerdict(
                driver.sends.size(),
                answered201,
                answered202,
                failedOnce,
                a503,
                timedOut,
                refused,
                retriedThenAnswered,
                gaveUp,
                gaveUpButStored,
                unexpected,
                stored.size(),
                missing,
                seqDiffers,
                duplicateMessages,
                foreign,
                conversationsWithGap,
                missingSeqs,
                lastSeqMismatches,
                expectedDeliveries,
                delivered,
                missingDeliveries,
                sameSocket,
                replayed,
                foreignFrames,
                driver.readMarks.size(),
                unacked,
                unreadChecked,
                unreadNonZero,
                unreadMismatches,
                totalMismatches,
                List.copyOf(examples));
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < 20) {
            examples.add(example);
        }
    }

    private record StoredMessage(UUID conversationId, long seq) {}
}
