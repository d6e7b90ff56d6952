package com.humanchat.streams.domain;

import com.humanchat.schemas.requests.ManagedRequest;
import java.util.UUID;

/**
 * Who an actor is to a managed request: the host's manager or an admin (who decide), its requester, or nobody. The
 * manager is whoever the command says manages the host now (an accepted invitation and the manager role, checked by
 * the edge at decision time), not the manager the request named when it was made: a manager whose invitation ended or
 * whose role was removed no longer decides, and a newly accepted one decides the pending requests.
 */
public enum RequestRole {
    MANAGER,
    ADMIN,
    REQUESTER,
    STRANGER;

    /** The manager role wins over the others: a manager who is also an admin decides as the manager. */
    public static RequestRole of(ManagedRequest request, UUID actorId, boolean actorIsAdmin, boolean actorManagesHost) {
        if (actorManagesHost && !request.requesterId().equals(actorId)) {
            return MANAGER;
        }
        if (actorIsAdmin) {
            return ADMIN;
        }
        return request.requesterId().equals(actorId) ? REQUESTER : STRANGER;
    }
}
