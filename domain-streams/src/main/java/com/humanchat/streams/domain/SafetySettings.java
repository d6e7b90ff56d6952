package com.humanchat.streams.domain;

import com.humanchat.schemas.safety.InboundPolicySet;
import java.util.Optional;
import java.util.UUID;

/** The safety settings a decision reads: who blocked whom, and each host's inbound policy. */
public interface SafetySettings {

    /** True while {@code blockerId} blocks {@code blockedId}. */
    boolean blocks(UUID blockerId, UUID blockedId);

    /** The host's inbound policy, if they set one. */
    Optional<InboundPolicySet> inbound(UUID hostId);
}
