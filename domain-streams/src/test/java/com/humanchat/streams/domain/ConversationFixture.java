package com.humanchat.streams.domain;

import com.humanchat.schemas.chat.ChatCommand;
import com.humanchat.schemas.chat.ChatEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** One conversation held in memory the way the topology's store holds it, so decider tests read as a conversation. */
final class ConversationFixture implements MessageHistory {

    final ConversationDecider decider = new ConversationDecider();
    ConversationState state;
    final Map<String, Long> dedupe = new HashMap<>();
    final Map<Long, RecentMessage> recent = new HashMap<>();
    final Map<Long, MessageReactions> reactions = new HashMap<>();
    Instant clock = Instant.parse("2026-11-24T10:00:00Z");

    /** When each command's record was written: a command processed again keeps its record's timestamp. */
    private final Map<UUID, Instant> recordTimes = new HashMap<>();

    /**
     * Decides the command at its record's time (the next instant, for a command not seen before) and stores the
     * decision; returns the emitted event or null.
     */
    ChatEvent handle(ChatCommand command) {
        Instant at = recordTimes.computeIfAbsent(command.eventId(), id -> clock = clock.plusMillis(1));
        Decision decision = decider.decide(command, at, state, this);
        decision.appendedMessage().ifPresent(message -> {
            recent.put(message.sent().seq(), message);
            dedupe.put(
                    dedupeKey(message.sent().senderId(), message.sent().clientMessageId()),
                    message.sent().seq());
        });
        decision.updatedMessage().ifPresent(message -> recent.put(message.sent().seq(), message));
        decision.reactions().ifPresent(of -> reactions.put(of.seq(), of.reactions()));
        decision.state().ifPresent(next -> state = next);
        return decision.event().orElse(null);
    }

    void forgetRecent(long seq) {
        RecentMessage removed = recent.remove(seq);
        dedupe.remove(dedupeKey(removed.sent().senderId(), removed.sent().clientMessageId()));
    }

    @Override
    public OptionalLong dedupedSeq(UUID senderId, String clientMessageId) {
        Long seq = dedupe.get(dedupeKey(senderId, clientMessageId));
        return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
    }

    @Override
    public Optional<RecentMessage> recent(long seq) {
        return Optional.ofNullable(recent.get(seq));
    }

    @Override
    public MessageReactions reactions(long seq) {
        return reactions.getOrDefault(seq, MessageReactions.NONE);
    }

    private static String dedupeKey(UUID senderId, String clientMessageId) {
        return senderId + "|" + clientMessageId;
    }
}
