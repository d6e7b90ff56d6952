package com.humanchat.streams.domain;

import com.humanchat.schemas.SystemActors;
import com.humanchat.schemas.sessions.Session;
import java.util.UUID;

/** Who an actor is to a session: its host, its guest, the platform (payments) or nobody it concerns. */
public enum SessionRole {
    HOST,
    GUEST,
    PLATFORM,
    STRANGER;

    public static SessionRole of(Session session, UUID actorId) {
        if (session.hostUserId().equals(actorId)) {
            return HOST;
        }
        if (session.guestUserId().equals(actorId)) {
            return GUEST;
        }
        return SystemActors.PLATFORM.equals(actorId) ? PLATFORM : STRANGER;
    }
}
