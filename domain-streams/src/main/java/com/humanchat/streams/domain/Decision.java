package com.humanchat.streams.domain;

import com.humanchat.schemas.chat.ChatEvent;
import java.util.Optional;

/**
 * What one command decided: at most one event to emit, and the state changes to store. The store writes a new message
 * (and its dedupe entry) before the conversation state, so a crash between the two leaves entries whose seq is not
 * below {@code nextSeq}; the decider ignores those.
 *
 * @param event the event to emit, empty when the command changes nothing visible (a read that does not advance)
 * @param state the new conversation state, empty when unchanged
 * @param appendedMessage a message that took a new seq: store it, its dedupe entry and its expiry
 * @param updatedMessage a stored message that changed (deleted)
 * @param reactions the reactions of message {@code reactions.seq()} after the command, when it changed them
 */
public record Decision(
        Optional<ChatEvent> event,
        Optional<ConversationState> state,
        Optional<RecentMessage> appendedMessage,
        Optional<RecentMessage> updatedMessage,
        Optional<ReactionsOf> reactions) {

    /** The reactions of message {@code seq}. */
    public record ReactionsOf(long seq, MessageReactions reactions) {}

    public static Decision nothing() {
        return new Decision(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Emit an event, store nothing: rejections and re-emissions. */
    public static Decision emit(ChatEvent event) {
        return new Decision(Optional.of(event), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static Decision changeState(ChatEvent event, ConversationState state) {
        return new Decision(
                Optional.of(event), Optional.of(state), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static Decision append(RecentMessage message, ConversationState state) {
        return new Decision(
                Optional.of(message.sent()),
                Optional.of(state),
                Optional.of(message),
                Optional.empty(),
                Optional.empty());
    }

    public static Decision updateMessage(ChatEvent event, RecentMessage message) {
        return new Decision(
                Optional.of(event), Optional.empty(), Optional.empty(), Optional.of(message), Optional.empty());
    }

    /** Emit an event and store the message's reactions as they are now. */
    public static Decision react(ChatEvent event, long seq, MessageReactions reactions) {
        return new Decision(
                Optional.of(event),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(new ReactionsOf(seq, reactions)));
    }
}
