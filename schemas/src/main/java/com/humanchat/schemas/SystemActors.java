package com.humanchat.schemas;

import java.util.UUID;

/** Actor ids that are not users: the platform itself acts on payment-driven session transitions. */
public final class SystemActors {

    /** The platform (payments worker): moves a session from {@code awaiting_payment} to {@code confirmed}. */
    public static final UUID PLATFORM = UUID.fromString("00000000-0000-0000-0000-000000000001");

    /** Sam, the concierge: a member of each user's Sam conversation, speaking {@code sam} messages (migration V4). */
    public static final UUID SAM = UUID.fromString("00000000-0000-0000-0000-000000000002");

    private SystemActors() {}
}
