package com.humanchat.streams.domain;

import com.humanchat.schemas.chat.MessageSent;
import java.util.List;
import java.util.Objects;

/**
 * A message still inside the dedupe window, as it was emitted: re-emitted on a retried send and consulted for the
 * author check of edits and deletes. A deleted message keeps its seq, ids and sender but loses its content.
 */
public record RecentMessage(MessageSent sent, boolean deleted) {

    public RecentMessage {
        Objects.requireNonNull(sent, "sent");
    }

    public static RecentMessage of(MessageSent sent) {
        return new RecentMessage(sent, false);
    }

    /** The same message with its content, actions, attachments and mentions removed. */
    public RecentMessage asDeleted() {
        MessageSent s = sent;
        return new RecentMessage(
                new MessageSent(
                        s.eventId(),
                        s.version(),
                        s.occurredAt(),
                        s.conversationId(),
                        s.commandId(),
                        s.messageId(),
                        s.seq(),
                        s.senderId(),
                        s.clientMessageId(),
                        "",
                        s.messageType(),
                        List.of(),
                        s.participantIds(),
                        List.of(),
                        s.replyToSeq(),
                        List.of()),
                true);
    }
}
