package com.humanchat.schemas.safety;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.humanchat.schemas.Envelope;
import java.util.UUID;

/**
 * A safety setting: the latest event per key is the setting, so the topic is compacted and every topology holds it
 * whole in a global store. Key = {@code block:<blockerId>:<blockedId>} or {@code inbound:<hostId>}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = UserBlocked.class, name = "user.blocked"),
    @JsonSubTypes.Type(value = UserUnblocked.class, name = "user.unblocked"),
    @JsonSubTypes.Type(value = InboundPolicySet.class, name = "host.inbound-policy-set"),
    @JsonSubTypes.Type(value = ReportResolved.class, name = "report.resolved")
})
public sealed interface SafetyEvent extends Envelope
        permits UserBlocked, UserUnblocked, InboundPolicySet, ReportResolved {

    /** The key of the block of {@code blockedId} by {@code blockerId}. */
    static String blockKey(UUID blockerId, UUID blockedId) {
        return "block:" + blockerId + ":" + blockedId;
    }

    /** The key of a host's inbound policy. */
    static String inboundKey(UUID hostId) {
        return "inbound:" + hostId;
    }
}
