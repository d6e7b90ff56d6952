package com.humanchat.schemas.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.humanchat.schemas.Envelope;
import java.util.UUID;

/** A fact about a conversation, in per-conversation order; key = conversationId. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ConversationCreated.class, name = "conversation.created"),
    @JsonSubTypes.Type(value = MessageSent.class, name = "message.sent"),
    @JsonSubTypes.Type(value = MessageEdited.class, name = "message.edited"),
    @JsonSubTypes.Type(value = MessageDeleted.class, name = "message.deleted"),
    @JsonSubTypes.Type(value = ReadAdvanced.class, name = "conversation.read-advanced"),
    @JsonSubTypes.Type(value = CommandRejected.class, name = "command.rejected"),
    @JsonSubTypes.Type(value = MessageReacted.class, name = "message.reacted")
})
public sealed interface ChatEvent extends Envelope
        permits ConversationCreated,
                MessageSent,
                MessageEdited,
                MessageDeleted,
                ReadAdvanced,
                CommandRejected,
                MessageReacted {

    UUID conversationId();

    /** The command this event answers, so that the edge that produced it can reply to its caller. */
    UUID commandId();

    @Override
    default String key() {
        return conversationId().toString();
    }
}
