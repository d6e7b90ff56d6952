package com.humanchat.schemas.users;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.humanchat.schemas.Envelope;
import java.util.UUID;

/** An identity change published through the edge's outbox; key = userId. No secrets, no email. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = UserRegistered.class, name = "user.registered"),
    @JsonSubTypes.Type(value = UserProfileUpdated.class, name = "user.profile-updated"),
    @JsonSubTypes.Type(value = UserSuspended.class, name = "user.suspended"),
    @JsonSubTypes.Type(value = UserCredentialsRevoked.class, name = "user.credentials-revoked")
})
public sealed interface UserEvent extends Envelope
        permits UserRegistered, UserProfileUpdated, UserSuspended, UserCredentialsRevoked {

    UUID userId();

    @Override
    default String key() {
        return userId().toString();
    }
}
