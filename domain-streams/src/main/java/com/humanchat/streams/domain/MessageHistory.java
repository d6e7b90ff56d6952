package com.humanchat.streams.domain;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** The recent messages of one conversation, as the decider needs to read them; backed by the topology's store. */
public interface MessageHistory {

    /** The seq a {@code (sender, clientMessageId)} pair was given within the dedupe window, if any. */
    OptionalLong dedupedSeq(UUID senderId, String clientMessageId);

    /** Message {@code seq} if it is still within the dedupe window. */
    Optional<RecentMessage> recent(long seq);

    /** The reactions on message {@code seq}; none when nobody reacted to it. */
    MessageReactions reactions(long seq);
}
