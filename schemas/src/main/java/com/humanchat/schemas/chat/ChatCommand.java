package com.humanchat.schemas.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.humanchat.schemas.Envelope;
import java.util.UUID;

/** A request to change a conversation, decided by the conversation topology; key = conversationId. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CreateConversation.class, name = "conversation.create"),
    @JsonSubTypes.Type(value = SendMessage.class, name = "message.send"),
    @JsonSubTypes.Type(value = EditMessage.class, name = "message.edit"),
    @JsonSubTypes.Type(value = DeleteMessage.class, name = "message.delete"),
    @JsonSubTypes.Type(value = MarkRead.class, name = "conversation.read"),
    @JsonSubTypes.Type(value = ReactToMessage.class, name = "message.react")
})
public sealed interface ChatCommand extends Envelope
        permits CreateConversation, SendMessage, EditMessage, DeleteMessage, MarkRead, ReactToMessage {

    UUID conversationId();

    /** The user on whose behalf the command is issued; membership is checked against this id. */
    UUID actorId();

    @Override
    default String key() {
        return conversationId().toString();
    }
}
