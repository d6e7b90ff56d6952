package com.humanchat.edge.requests.domain;

import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemType;
import com.humanchat.edge.http.Rejections;
import com.humanchat.edge.sessions.domain.SessionAdmission;
import com.humanchat.readmodels.hosts.HostFacts;
import com.humanchat.schemas.requests.ManagedRequest;
import java.util.Optional;
import java.util.UUID;

/**
 * What the edge admits of managed requests before the request topology decides: a request goes only to a bookable,
 * managed host, from someone who is neither the host nor their manager and has none pending to them; a request is
 * read only by its requester, an admin or the host's current manager. Who may approve, decline or withdraw is the
 * topology's, told whether the actor is an admin and manages the host now.
 */
public final class RequestAdmission {

    private static final String FIELD = "/hostUserId";

    private RequestAdmission() {}

    /**
     * Empty when {@code requester} may ask to reach {@code hostUserId}, else the problem that says why not, the first
     * that applies.
     *
     * @param host the facts of {@code hostUserId}, null when there is no such user
     * @param pending whether the requester already has a pending request to the host
     */
    public static Optional<ProblemException> creation(
            UUID requester, UUID hostUserId, HostFacts host, boolean pending) {
        Optional<ProblemException> notAHost =
                SessionAdmission.anotherBookableHost(requester, hostUserId, host, "you cannot ask to reach yourself");
        if (notAHost.isPresent()) {
            return notAHost;
        }
        if (!host.managed()) {
            return Optional.of(Rejections.unprocessableField(
                    FIELD, "this host takes no managed requests: open a conversation with them directly"));
        }
        if (host.managerId().equals(requester)) {
            return Optional.of(
                    Rejections.unprocessableField(FIELD, "you manage this host: open a conversation directly"));
        }
        return pending
                ? Optional.of(ProblemType.REQUEST_PENDING.with("you already have a pending request to this host"))
                : Optional.empty();
    }

    /**
     * Whether {@code caller} may read {@code request}: its requester, an admin, or whoever manages its host now.
     *
     * @param admin whether the caller holds the admin role now
     * @param managesHost whether the caller manages the request's host now
     */
    public static boolean mayRead(ManagedRequest request, UUID caller, boolean admin, boolean managesHost) {
        return request.requesterId().equals(caller) || admin || managesHost;
    }
}
