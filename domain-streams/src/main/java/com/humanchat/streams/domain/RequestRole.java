package com.humanchat.streams.domain;

import com.humanchat.schemas.requests.ManagedRequest;
import java.util.UUID;

/** Who an actor is to a managed request: the manager it names or an admin (who decide), its requester, or nobody. */
public enum RequestRole {
    MANAGER,
    ADMIN,
    REQUESTER,
    STRANGER;

    /** The manager role wins over the others: a manager who is also an admin decides as the manager. */
    public static RequestRole of(ManagedRequest request, UUID actorId, boolean actorIsAdmin) {
        if (request.managerId().equals(actorId)) {
            return MANAGER;
        }
        if (actorIsAdmin) {
            return ADMIN;
        }
        return request.requesterId().equals(actorId) ? REQUESTER : STRANGER;
    }
}
