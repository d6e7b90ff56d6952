package com.humanchat.edge.payments.domain;

import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemType;
import com.humanchat.edge.http.Rejections;
import com.humanchat.edge.sessions.domain.SessionAdmission;
import com.humanchat.readmodels.hosts.HostFacts;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionStatus;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may pay what: only a paid session's guest pays it, only while it awaits payment and only once (at its agreed
 * price, which the intent carries); a tip goes only to another bookable host who welcomes tips and can be paid, for a
 * session of theirs the payer takes part in and in a conversation both share.
 */
public final class PaymentAdmission {

    /**
     * A tip and what the payment service read about it.
     *
     * @param host the facts of {@code hostUserId}, null when there is no such user
     * @param sessionId the session the tip is for, null for none
     * @param session that session as projected, null when none is named or it is not projected
     * @param conversationMembers the members of the conversation the tip is told in, null when none is named
     * @param hostCanBePaid whether the host's Stripe account takes charges
     * @param blockedByHost whether the host blocked the payer (projected {@code user_blocks})
     */
    public record Tip(
            UUID payer,
            UUID hostUserId,
            HostFacts host,
            UUID sessionId,
            Session session,
            Set<UUID> conversationMembers,
            boolean hostCanBePaid,
            boolean blockedByHost) {}

    private PaymentAdmission() {}

    /**
     * Empty when {@code caller} may have the session's PaymentIntent made, else the problem that says why not: 404 for
     * anyone but its participants, 403 for its host, 422 for a session that is not paid, 409 for one not awaiting
     * payment or already paid.
     *
     * @param session the session as projected, null when it is not
     * @param alreadyPaid whether the session has a payment (of any status)
     */
    public static Optional<ProblemException> sessionPayment(Session session, UUID caller, boolean alreadyPaid) {
        if (session == null || !session.isParticipant(caller)) {
            return Optional.of(Rejections.unknownSession());
        }
        if (!session.guestUserId().equals(caller)) {
            return Optional.of(ProblemException.forbidden("only the session's guest pays for it"));
        }
        if (session.paymentMode() != PaymentMode.PAID) {
            return Optional.of(Rejections.unprocessableField(
                    "/sessionId", "a " + session.paymentMode().wire() + " session has nothing to pay"));
        }
        if (session.status() != SessionStatus.AWAITING_PAYMENT) {
            return Optional.of(ProblemType.NOT_AWAITING_PAYMENT.with(
                    "the session is " + session.status().wire() + ", not awaiting payment"));
        }
        return alreadyPaid
                ? Optional.of(ProblemType.ALREADY_PAID.with("this session already has a payment"))
                : Optional.empty();
    }

    /** Empty when the tip may go to the payments worker, else the problem that says why not, the first that applies. */
    public static Optional<ProblemException> tip(Tip tip) {
        HostFacts host = tip.host();
        Optional<ProblemException> notAHost = SessionAdmission.anotherBookableHost(
                tip.payer(), tip.hostUserId(), host, "you cannot donate to yourself");
        if (notAHost.isPresent()) {
            return notAHost;
        }
        if (tip.blockedByHost()) {
            return Optional.of(Rejections.notAccepting());
        }
        if (!host.offer().donationsWelcome()) {
            return Optional.of(
                    Rejections.unprocessableField("/hostUserId", host.displayName() + " does not accept tips"));
        }
        return forTheirSession(tip)
                .or(() -> SessionAdmission.sharedConversation(tip.payer(), tip.hostUserId(), tip.conversationMembers()))
                .or(() -> tip.hostCanBePaid() ? Optional.empty() : Optional.of(Rejections.hostNotPayable()));
    }

    /** A tip for a session: one the payer takes part in (else 404), with this host (else 422). */
    private static Optional<ProblemException> forTheirSession(Tip tip) {
        if (tip.sessionId() == null) {
            return Optional.empty();
        }
        Session session = tip.session();
        if (session == null || !session.isParticipant(tip.payer())) {
            return Optional.of(Rejections.unknownSession());
        }
        return session.hostUserId().equals(tip.hostUserId())
                ? Optional.empty()
                : Optional.of(Rejections.unprocessableField("/sessionId", "the host is not this session's host"));
    }
}
