package com.humanchat.schemas.rtc;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.humanchat.schemas.Envelope;
import java.time.Instant;
import java.util.UUID;

/**
 * An opaque WebRTC signalling payload from one participant of a session to the other; key = sessionId. The only type
 * of its topic, so it is its own family.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = RtcSignal.class, name = "rtc.signal")})
public record RtcSignal(
        UUID eventId, int version, Instant occurredAt, UUID sessionId, UUID fromUserId, UUID toUserId, JsonNode payload)
        implements Envelope {

    public static RtcSignal of(UUID sessionId, UUID fromUserId, UUID toUserId, JsonNode payload) {
        return new RtcSignal(UUID.randomUUID(), 1, Instant.now(), sessionId, fromUserId, toUserId, payload);
    }

    @Override
    public String key() {
        return sessionId.toString();
    }
}
