package com.humanchat.edge.sessions.domain;

import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemType;
import com.humanchat.edge.http.Rejections;
import com.humanchat.readmodels.hosts.HostFacts;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionStatus;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the edge admits before the session topology decides: who may book whom (a bookable host other than oneself,
 * a managed host only after an approved introduction, from a conversation both share, instantly only while the host
 * takes instant sessions and is online), as proposed and at the host's price; that a host accepts a paid session
 * only once they can be paid; and who may signal a call in a session. Overlaps, pending limits and which participant
 * may make which move are the topology's.
 */
public final class SessionAdmission {

    private static final String HOST_FIELD = "/hostUserId";
    private static final String ONLINE = "online";
    private static final long PRESENCE_RETRY_SECONDS = 5;

    /**
     * What a guest asks for and what the session service read about it.
     *
     * @param guest who asks
     * @param hostUserId whom they ask to book
     * @param host the facts of {@code hostUserId}, null when there is no such user
     * @param introduced whether the guest has an approved managed request to the host
     * @param conversationMembers the members of the conversation the session is asked from, null when none is named
     * @param instant whether the session is for now (no start time)
     * @param hostPresence the host's presence status for an instant session, null when it could not be read
     * @param proposal what the service read of the Sam proposal the session is booked from, null when it is not
     */
    public record Booking(
            UUID guest,
            UUID hostUserId,
            HostFacts host,
            boolean introduced,
            Set<UUID> conversationMembers,
            boolean instant,
            String hostPresence,
            ProposalAdmission.Facts proposal,
            PaymentMode paymentMode,
            Money agreedPrice) {}

    private SessionAdmission() {}

    /** Empty when the booking may go to the topology, else the problem that says why not, the first one that applies. */
    public static Optional<ProblemException> refusal(Booking booking) {
        HostFacts host = booking.host();
        Optional<ProblemException> notAHost = anotherBookableHost(
                booking.guest(), booking.hostUserId(), host, "you cannot book a session with yourself");
        if (notAHost.isPresent()) {
            return notAHost;
        }
        return reachable(booking, host)
                .or(() -> sharedConversation(booking.guest(), booking.hostUserId(), booking.conversationMembers()))
                .or(() -> booking.instant() ? instantlyAvailable(host, booking.hostPresence()) : Optional.empty())
                // a proposal of Sam's whose price went stale says so in its own words before the price rule does
                .or(() -> booking.proposal() == null
                        ? Optional.empty()
                        : ProposalAdmission.refusal(
                                booking.agreedPrice(), host.offer().price(), booking.proposal()))
                .or(() -> BookingPrice.refusal(host.offer(), booking.paymentMode(), booking.agreedPrice())
                        .map(refusal -> Rejections.unprocessableField(refusal.pointer(), refusal.detail())));
    }

    /**
     * Empty when {@code hostUserId} is a bookable host other than the caller, else 422 about {@code /hostUserId}:
     * {@code toSelf} to the caller naming themself, {@code no host …} for anyone who is not a bookable host.
     *
     * @param host the facts of {@code hostUserId}, null when there is no such user
     */
    public static Optional<ProblemException> anotherBookableHost(
            UUID caller, UUID hostUserId, HostFacts host, String toSelf) {
        if (hostUserId.equals(caller)) {
            return Optional.of(Rejections.unprocessableField(HOST_FIELD, toSelf));
        }
        if (host == null || !host.bookable()) {
            return Optional.of(Rejections.unprocessableField(HOST_FIELD, "no host " + hostUserId));
        }
        return Optional.empty();
    }

    /**
     * Empty when no conversation is named ({@code members} null) or it holds both the caller and the host; else 404
     * for a conversation the caller is not in (its existence is not revealed), 422 for one the host is not in.
     */
    public static Optional<ProblemException> sharedConversation(UUID caller, UUID hostUserId, Set<UUID> members) {
        if (members == null) {
            return Optional.empty();
        }
        if (!members.contains(caller)) {
            return Optional.of(Rejections.unknownConversation());
        }
        if (!members.contains(hostUserId)) {
            return Optional.of(Rejections.unprocessableField(
                    "/conversationId", "the host is not a participant of this conversation"));
        }
        return Optional.empty();
    }

    /**
     * Empty unless the host of a paid session accepts it before they can be paid: 409 {@code payouts-not-ready}, which
     * tells them where to fix it. Anything else about the move is the topology's to decide.
     *
     * @param session the session as projected, null when it is not (yet)
     * @param callerCanBePaid whether the caller's Stripe account takes charges
     */
    public static Optional<ProblemException> acceptance(Session session, UUID caller, boolean callerCanBePaid) {
        boolean paidHost =
                session != null && session.hostUserId().equals(caller) && session.paymentMode() == PaymentMode.PAID;
        return paidHost && !callerCanBePaid ? Optional.of(Rejections.payoutsNotReady()) : Optional.empty();
    }

    /**
     * The other participant of a session the caller may signal a call in (one that is confirmed or in progress), empty
     * for anyone else or any other status.
     *
     * @param session the session as projected, null when it is not (yet)
     */
    public static Optional<UUID> callPeer(Session session, UUID caller) {
        if (session == null
                || !session.isParticipant(caller)
                || (session.status() != SessionStatus.CONFIRMED && session.status() != SessionStatus.IN_PROGRESS)) {
            return Optional.empty();
        }
        return Optional.of(session.guestUserId().equals(caller) ? session.hostUserId() : session.guestUserId());
    }

    /** A managed host is reached by their manager, or by a guest whose introduction the manager approved. */
    private static Optional<ProblemException> reachable(Booking booking, HostFacts host) {
        if (!host.managed() || host.managerId().equals(booking.guest()) || booking.introduced()) {
            return Optional.empty();
        }
        return Optional.of(ProblemType.MANAGED_HOST.with(
                "This host is reached through their representative: Request an introduction"
                        + " (POST /api/requests) before booking"));
    }

    private static Optional<ProblemException> instantlyAvailable(HostFacts host, String presence) {
        if (!host.instantAvailable()) {
            return Optional.of(
                    ProblemType.HOST_UNAVAILABLE.with("the host does not take instant sessions; pick a startTime"));
        }
        if (presence == null) {
            return Optional.of(ProblemException.unavailable(
                    "presence is unavailable, so an instant session cannot be checked; retry or pick a startTime",
                    PRESENCE_RETRY_SECONDS));
        }
        return ONLINE.equals(presence)
                ? Optional.empty()
                : Optional.of(ProblemType.HOST_UNAVAILABLE.with("the host is not online for an instant session"));
    }
}
