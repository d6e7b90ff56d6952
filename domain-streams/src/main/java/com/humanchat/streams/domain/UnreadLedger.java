package com.humanchat.streams.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Unread arithmetic of one conversation: {@code unread = lastSeq − lastReadSeq} per member. A sender's read position
 * moves to their own message (own messages are never unread), reads never move back and are clamped to
 * {@code [0, lastSeq]}.
 *
 * <p>Every event returns the members whose values it touched: those whose count changed, or — for a duplicate, which
 * changes nothing — the current values again, so that a duplicate replayed after a crash re-states what a lost output
 * would have said. Values are absolute, so re-stating them is harmless.
 *
 * @param lastSeq the newest message's seq, 0 before the first
 * @param lastReadSeqs every known member's read position
 */
public record UnreadLedger(long lastSeq, Map<UUID, Long> lastReadSeqs) {

    public UnreadLedger {
        lastReadSeqs = Map.copyOf(lastReadSeqs);
        if (lastSeq < 0) {
            throw new IllegalArgumentException("lastSeq is never negative");
        }
    }

    public static UnreadLedger empty() {
        return new UnreadLedger(0, Map.of());
    }

    /** What an event did to the ledger, and the member values to publish. */
    public record Outcome(UnreadLedger ledger, List<MemberUnread> updates) {
        public Outcome {
            updates = List.copyOf(updates);
        }
    }

    public long unreadOf(UUID member) {
        return positionOf(member).unread();
    }

    public UnreadPosition positionOf(UUID member) {
        return new UnreadPosition(lastSeq, Math.min(lastSeq, lastReadSeqs.getOrDefault(member, 0L)));
    }

    /** Registers the participants; a new conversation has nothing unread, so nothing is published. */
    public Outcome onConversationCreated(Collection<UUID> participants) {
        Map<UUID, Long> reads = new LinkedHashMap<>(lastReadSeqs);
        participants.forEach(participant -> reads.putIfAbsent(participant, 0L));
        return new Outcome(new UnreadLedger(lastSeq, reads), List.of());
    }

    /**
     * Message {@code seq} by {@code senderId}: every other member has one more unread, the sender none. A seq not above
     * {@code lastSeq} is a duplicate: nothing changes and the participants' current values are re-stated.
     */
    public Outcome onMessageSent(long seq, UUID senderId, Collection<UUID> participants) {
        Map<UUID, Long> reads = new LinkedHashMap<>(lastReadSeqs);
        participants.forEach(participant -> reads.putIfAbsent(participant, 0L));
        reads.putIfAbsent(senderId, 0L);
        if (seq <= lastSeq) {
            UnreadLedger same = new UnreadLedger(lastSeq, reads);
            return new Outcome(
                    same, participants.stream().map(same::memberUnread).toList());
        }
        reads.merge(senderId, seq, Math::max);
        UnreadLedger next = new UnreadLedger(seq, reads);
        return new Outcome(next, changedBetween(this, next, reads.keySet()));
    }

    /**
     * {@code member} has read up to {@code requestedSeq}, clamped to {@code [0, lastSeq]}; a position not beyond the
     * current one changes nothing and re-states the member's value.
     */
    public Outcome onReadAdvanced(UUID member, long requestedSeq) {
        long clamped = Math.clamp(requestedSeq, 0, lastSeq);
        long current = lastReadSeqs.getOrDefault(member, 0L);
        Map<UUID, Long> reads = new LinkedHashMap<>(lastReadSeqs);
        if (clamped <= current) {
            reads.putIfAbsent(member, current);
            UnreadLedger same = new UnreadLedger(lastSeq, reads);
            return new Outcome(same, List.of(same.memberUnread(member)));
        }
        reads.put(member, clamped);
        UnreadLedger next = new UnreadLedger(lastSeq, reads);
        return new Outcome(next, List.of(next.memberUnread(member)));
    }

    private MemberUnread memberUnread(UUID member) {
        return new MemberUnread(member, positionOf(member));
    }

    private static List<MemberUnread> changedBetween(
            UnreadLedger before, UnreadLedger after, Collection<UUID> members) {
        List<MemberUnread> changed = new ArrayList<>();
        for (UUID member : members) {
            if (!before.lastReadSeqs.containsKey(member) || before.unreadOf(member) != after.unreadOf(member)) {
                changed.add(after.memberUnread(member));
            }
        }
        return changed;
    }
}
