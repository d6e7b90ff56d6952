package com.humanchat.streams.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.humanchat.schemas.SystemActors;
import com.humanchat.schemas.chat.ChatCommand;
import com.humanchat.schemas.chat.CommandRejected;
import com.humanchat.schemas.chat.ConversationType;
import com.humanchat.schemas.chat.CreateConversation;
import com.humanchat.schemas.chat.DeleteMessage;
import com.humanchat.schemas.chat.EditMessage;
import com.humanchat.schemas.chat.MarkRead;
import com.humanchat.schemas.chat.MessageDeleted;
import com.humanchat.schemas.chat.MessageEdited;
import com.humanchat.schemas.chat.MessageReacted;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.ReactToMessage;
import com.humanchat.schemas.chat.ReactionEmoji;
import com.humanchat.schemas.chat.ReadAdvanced;
import com.humanchat.schemas.chat.RejectionCode;
import com.humanchat.schemas.chat.SendMessage;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Decides one chat command against the conversation's state: membership, validation, dedupe on
 * {@code (sender, clientMessageId)}, contiguous seq, replies only to messages that exist, author-only edits and
 * deletes, reactions from a small set that land in the wanted state, mentions of members only, forward-only reads. Deterministic:
 * every id derives from the command id and every time is the given command time.
 */
public final class ConversationDecider {

    /** The JSON Schema's limits on the wire ({@code defs.v1.json}). */
    public static final int MAX_CONTENT_CODE_POINTS = 4000;

    public static final int MAX_CLIENT_MESSAGE_ID_CODE_POINTS = 128;
    public static final int MIN_PARTICIPANTS = 2;
    public static final int MAX_PARTICIPANTS = 50;
    public static final int MAX_ACTIONS = 20;

    /**
     * Why a command cannot even be answered with a {@code command.rejected} (which needs the command's id, its
     * conversation and its actor); such a record is poison and goes to the dead-letter topic.
     */
    public static Optional<String> unanswerable(ChatCommand command) {
        if (command.eventId() == null) {
            return Optional.of("command has no eventId");
        }
        if (command.conversationId() == null) {
            return Optional.of("command has no conversationId");
        }
        if (command.actorId() == null) {
            return Optional.of("command has no actorId");
        }
        if (command.version() != 1) {
            return Optional.of("unsupported command version " + command.version());
        }
        return Optional.empty();
    }

    /**
     * @param command an answerable command (see {@link #unanswerable})
     * @param at the command's time: every event's {@code occurredAt}
     * @param state the conversation, null if it does not exist
     * @param history the conversation's recent messages
     */
    public Decision decide(ChatCommand command, Instant at, ConversationState state, MessageHistory history) {
        return switch (command) {
            case CreateConversation create -> create(create, at, state);
            case SendMessage send -> send(send, at, state, history);
            case EditMessage edit -> edit(edit, at, state, history);
            case DeleteMessage delete -> delete(delete, at, state, history);
            case MarkRead read -> read(read, at, state);
            case ReactToMessage react -> react(react, at, state, history);
        };
    }

    private Decision create(CreateConversation command, Instant at, ConversationState state) {
        if (state != null) {
            if (state.hasMember(command.actorId())) {
                return Decision.emit(state.createdEvent(command.eventId()));
            }
            return reject(command, at, RejectionCode.CONVERSATION_EXISTS, "the conversation already exists");
        }
        Optional<String> invalid = invalidParticipants(command);
        if (invalid.isPresent()) {
            return reject(command, at, RejectionCode.INVALID, invalid.get());
        }
        ConversationState created = ConversationState.start(
                command.conversationId(),
                command.conversationType(),
                command.participantIds(),
                command.actorId(),
                at,
                command.eventId());
        return Decision.changeState(created.createdEvent(command.eventId()), created);
    }

    private static Optional<String> invalidParticipants(CreateConversation command) {
        if (command.conversationType() == null) {
            return Optional.of("conversationType is required");
        }
        List<UUID> participants = command.participantIds();
        if (participants.size() < MIN_PARTICIPANTS || participants.size() > MAX_PARTICIPANTS) {
            return Optional.of("a conversation has " + MIN_PARTICIPANTS + " to " + MAX_PARTICIPANTS + " participants");
        }
        if (new HashSet<>(participants).size() != participants.size()) {
            return Optional.of("participantIds contains duplicates");
        }
        if (!participants.contains(command.actorId())) {
            return Optional.of("the creator must be a participant");
        }
        if (command.conversationType() == ConversationType.DIRECT && participants.size() != 2) {
            return Optional.of("a direct conversation has exactly two participants");
        }
        return Optional.empty();
    }

    private Decision send(SendMessage command, Instant at, ConversationState state, MessageHistory history) {
        Optional<Decision> refused = refuseNonMember(command, at, state);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<String> invalid = invalidClientMessageId(command.clientMessageId())
                .or(() ->
                        invalidContent(command.content(), !command.attachments().isEmpty()))
                .or(() -> invalidActions(command.actions()))
                .or(() -> AttachmentRules.invalid(command.attachments()));
        if (invalid.isPresent()) {
            return reject(command, at, RejectionCode.INVALID, invalid.get());
        }
        Optional<RecentMessage> original = original(command, state, history);
        if (original.isPresent()) {
            return Decision.emit(answering(original.get().sent(), command.eventId()));
        }
        Long replyTo = command.replyToSeq();
        if (replyTo != null && (replyTo < 1 || replyTo > state.lastSeq())) {
            return reject(command, at, RejectionCode.UNKNOWN_MESSAGE, "message " + replyTo + " does not exist");
        }
        MessageSent sent = new MessageSent(
                DeterministicIds.eventId(command.eventId()),
                1,
                at,
                command.conversationId(),
                command.eventId(),
                DeterministicIds.messageId(command.eventId()),
                state.nextSeq(),
                command.actorId(),
                command.clientMessageId(),
                command.content(),
                command.messageType(),
                command.actions(),
                state.participants(),
                command.attachments(),
                replyTo,
                MentionRules.kept(command.mentionedUserIds(), command.actorId(), state));
        return Decision.append(RecentMessage.of(sent), state.withMessageAppendedBy(command.actorId()));
    }

    /**
     * The message this send already created, if any. An entry whose seq is not below {@code nextSeq} was written by a
     * processing that crashed before it stored the state; it is ignored and the send is decided again, to the same seq.
     */
    private static Optional<RecentMessage> original(
            SendMessage command, ConversationState state, MessageHistory history) {
        OptionalLong seq = history.dedupedSeq(command.actorId(), command.clientMessageId());
        if (seq.isEmpty() || seq.getAsLong() > state.lastSeq()) {
            return Optional.empty();
        }
        return history.recent(seq.getAsLong());
    }

    /** A stored message re-emitted as the answer to {@code commandId}; identical when it is the original command. */
    private static MessageSent answering(MessageSent original, UUID commandId) {
        if (original.commandId().equals(commandId)) {
            return original;
        }
        return new MessageSent(
                original.eventId(),
                original.version(),
                original.occurredAt(),
                original.conversationId(),
                commandId,
                original.messageId(),
                original.seq(),
                original.senderId(),
                original.clientMessageId(),
                original.content(),
                original.messageType(),
                original.actions(),
                original.participantIds(),
                original.attachments(),
                original.replyToSeq(),
                original.mentionedUserIds());
    }

    private Decision edit(EditMessage command, Instant at, ConversationState state, MessageHistory history) {
        Optional<Decision> refused = refuseNonMember(command, at, state);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<String> invalid = invalidContent(command.content());
        if (invalid.isPresent()) {
            return reject(command, at, RejectionCode.INVALID, invalid.get());
        }
        Optional<RecentMessage> message = recentInWindow(command.seq(), state, history);
        Optional<Decision> notAllowed = refuseChange(command, command.seq(), at, message, false);
        if (notAllowed.isPresent()) {
            return notAllowed.get();
        }
        return Decision.emit(new MessageEdited(
                DeterministicIds.eventId(command.eventId()),
                1,
                at,
                command.conversationId(),
                command.eventId(),
                command.seq(),
                command.actorId(),
                command.content(),
                state.participants()));
    }

    /** Deleting is idempotent: deleting a deleted message answers with a deletion again. */
    private Decision delete(DeleteMessage command, Instant at, ConversationState state, MessageHistory history) {
        if (SystemActors.PLATFORM.equals(command.actorId()) && state != null) {
            return moderatorDelete(command, at, state, history);
        }
        Optional<Decision> refused = refuseNonMember(command, at, state);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<RecentMessage> message = recentInWindow(command.seq(), state, history);
        Optional<Decision> notAllowed = refuseChange(command, command.seq(), at, message, true);
        if (notAllowed.isPresent()) {
            return notAllowed.get();
        }
        MessageDeleted deleted = new MessageDeleted(
                DeterministicIds.eventId(command.eventId()),
                1,
                at,
                command.conversationId(),
                command.eventId(),
                command.seq(),
                command.actorId(),
                state.participants());
        if (message.get().deleted()) {
            return Decision.emit(deleted);
        }
        return Decision.updateMessage(deleted, message.get().asDeleted());
    }

    /**
     * A moderator (the platform, resolving a report) hides any message of the conversation, however old: the deletion
     * is emitted for the projection and the members' clients, and the stored copy is marked deleted while it is still
     * in the recent window.
     */
    private static Decision moderatorDelete(
            DeleteMessage command, Instant at, ConversationState state, MessageHistory history) {
        if (command.seq() < 1 || command.seq() > state.lastSeq()) {
            return reject(command, at, RejectionCode.UNKNOWN_MESSAGE, "message " + command.seq() + " does not exist");
        }
        MessageDeleted deleted = new MessageDeleted(
                DeterministicIds.eventId(command.eventId()),
                1,
                at,
                command.conversationId(),
                command.eventId(),
                command.seq(),
                command.actorId(),
                state.participants());
        return history.recent(command.seq())
                .filter(message -> !message.deleted())
                .map(message -> Decision.updateMessage(deleted, message.asDeleted()))
                .orElseGet(() -> Decision.emit(deleted));
    }

    /**
     * A reaction needs a message that exists and, as far as the recent window knows, is not deleted. The wanted state
     * is stored before the event is emitted, so a command processed again finds it there and emits the same event.
     */
    private Decision react(ReactToMessage command, Instant at, ConversationState state, MessageHistory history) {
        Optional<Decision> refused = refuseNonMember(command, at, state);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!ReactionEmoji.allowed(command.emoji())) {
            return reject(
                    command,
                    at,
                    RejectionCode.INVALID,
                    "emoji must be one of " + String.join(" ", ReactionEmoji.ALLOWED));
        }
        long seq = command.seq();
        if (seq < 1 || seq > state.lastSeq()) {
            return reject(command, at, RejectionCode.UNKNOWN_MESSAGE, "message " + seq + " does not exist");
        }
        if (history.recent(seq).map(RecentMessage::deleted).orElse(false)) {
            return reject(command, at, RejectionCode.UNKNOWN_MESSAGE, "message " + seq + " was deleted");
        }
        MessageReactions reactions = history.reactions(seq).with(command.emoji(), command.actorId(), command.active());
        MessageReacted reacted = new MessageReacted(
                DeterministicIds.eventId(command.eventId()),
                1,
                at,
                command.conversationId(),
                command.eventId(),
                seq,
                command.actorId(),
                command.emoji(),
                command.active(),
                reactions.usersOf(command.emoji()),
                state.participants());
        return Decision.react(reacted, seq, reactions);
    }

    /** Only the author changes a message, and only while it is in the recent window. */
    private static Optional<Decision> refuseChange(
            ChatCommand command, long seq, Instant at, Optional<RecentMessage> message, boolean deletedAllowed) {
        if (message.isEmpty()) {
            return Optional.of(reject(
                    command,
                    at,
                    RejectionCode.UNKNOWN_MESSAGE,
                    "message " + seq + " does not exist or is older than the edit window"));
        }
        if (!message.get().sent().senderId().equals(command.actorId())) {
            return Optional.of(
                    reject(command, at, RejectionCode.NOT_THE_AUTHOR, "only the author may change message " + seq));
        }
        if (message.get().deleted() && !deletedAllowed) {
            return Optional.of(reject(command, at, RejectionCode.UNKNOWN_MESSAGE, "message " + seq + " was deleted"));
        }
        return Optional.empty();
    }

    private static Optional<RecentMessage> recentInWindow(long seq, ConversationState state, MessageHistory history) {
        if (seq < 1 || seq > state.lastSeq()) {
            return Optional.empty();
        }
        return history.recent(seq);
    }

    /**
     * Reads move forward only, clamped to {@code [0, lastSeq]}. The read command that last advanced a member is
     * remembered, so that processing it again (after a crash, with the store ahead of the output) re-emits its event.
     */
    private Decision read(MarkRead command, Instant at, ConversationState state) {
        Optional<Decision> refused = refuseNonMember(command, at, state);
        if (refused.isPresent()) {
            return refused.get();
        }
        ReadPosition position = state.readPositionOf(command.actorId());
        if (command.eventId().equals(position.readCommandId())) {
            return Decision.emit(readAdvanced(command, at, position.readCommandSeq()));
        }
        long clamped = Math.clamp(command.seq(), 0, state.lastSeq());
        if (clamped <= position.lastReadSeq()) {
            return Decision.nothing();
        }
        return Decision.changeState(
                readAdvanced(command, at, clamped),
                state.withReadAdvanced(command.actorId(), clamped, command.eventId()));
    }

    private static ReadAdvanced readAdvanced(MarkRead command, Instant at, long seq) {
        return new ReadAdvanced(
                DeterministicIds.eventId(command.eventId()),
                1,
                at,
                command.conversationId(),
                command.eventId(),
                command.actorId(),
                seq,
                command.receipt());
    }

    private Optional<Decision> refuseNonMember(ChatCommand command, Instant at, ConversationState state) {
        if (state == null) {
            return Optional.of(reject(command, at, RejectionCode.UNKNOWN_CONVERSATION, "conversation does not exist"));
        }
        if (!state.hasMember(command.actorId())) {
            return Optional.of(reject(
                    command, at, RejectionCode.NOT_A_MEMBER, "the actor is not a participant of the conversation"));
        }
        return Optional.empty();
    }

    private static Optional<String> invalidClientMessageId(String clientMessageId) {
        if (clientMessageId == null || clientMessageId.isBlank()) {
            return Optional.of("clientMessageId must not be blank");
        }
        if (codePoints(clientMessageId) > MAX_CLIENT_MESSAGE_ID_CODE_POINTS) {
            return Optional.of("clientMessageId is longer than " + MAX_CLIENT_MESSAGE_ID_CODE_POINTS + " characters");
        }
        return Optional.empty();
    }

    private static Optional<String> invalidContent(String content) {
        return invalidContent(content, false);
    }

    /** A message with attachments may have an empty caption. */
    private static Optional<String> invalidContent(String content, boolean captionOnly) {
        if (content == null || (content.isBlank() && !captionOnly)) {
            return Optional.of("content must not be blank");
        }
        if (content.indexOf(0) >= 0) {
            // PostgreSQL text cannot hold U+0000: the message would be decided here and then lost by the projection
            return Optional.of("content must not contain U+0000");
        }
        if (codePoints(content) > MAX_CONTENT_CODE_POINTS) {
            return Optional.of("content is longer than " + MAX_CONTENT_CODE_POINTS + " characters");
        }
        return Optional.empty();
    }

    private static Optional<String> invalidActions(List<JsonNode> actions) {
        if (actions.size() > MAX_ACTIONS) {
            return Optional.of("a message has at most " + MAX_ACTIONS + " actions");
        }
        for (JsonNode action : actions) {
            if (action == null || !action.isObject() || !action.path("type").isTextual()) {
                return Optional.of("every action is an object with a string type");
            }
        }
        return Optional.empty();
    }

    private static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }

    static Decision reject(ChatCommand command, Instant at, RejectionCode code, String reason) {
        String clientMessageId = command instanceof SendMessage send
                        && invalidClientMessageId(send.clientMessageId()).isEmpty()
                ? send.clientMessageId()
                : null;
        return Decision.emit(new CommandRejected(
                DeterministicIds.eventId(command.eventId()),
                1,
                at,
                command.conversationId(),
                command.eventId(),
                wireType(command),
                command.actorId(),
                clientMessageId,
                code,
                reason));
    }

    /** The command's {@code type} on the wire, as declared on {@link ChatCommand}. */
    static String wireType(ChatCommand command) {
        return switch (command) {
            case CreateConversation c -> "conversation.create";
            case SendMessage s -> "message.send";
            case EditMessage e -> "message.edit";
            case DeleteMessage d -> "message.delete";
            case MarkRead r -> "conversation.read";
            case ReactToMessage r -> "message.react";
        };
    }
}
