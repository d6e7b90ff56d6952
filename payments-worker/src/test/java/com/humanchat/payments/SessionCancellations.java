package com.humanchat.payments;

import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import java.time.Instant;
import java.util.UUID;

/** A paid session's cancellation as the session topology publishes it. */
final class SessionCancellations {

    private SessionCancellations() {}

    /**
     * Paid session {@code sessionId} of {@code host} for {@code price} (with a new guest, in a new conversation),
     * starting at {@code start}, cancelled by its host just now from {@code from}.
     */
    static SessionStatusChanged cancelledByHost(
            UUID sessionId, UUID host, Money price, Instant start, SessionStatus from) {
        Instant now = Instant.now();
        Session session = new Session(
                sessionId,
                UUID.randomUUID(),
                host,
                UUID.randomUUID(),
                start,
                30,
                price,
                PaymentMode.PAID,
                SessionStatus.CANCELLED,
                now,
                now,
                null,
                null,
                null,
                null);
        return new SessionStatusChanged(
                UUID.randomUUID(),
                1,
                now,
                sessionId,
                UUID.randomUUID(),
                host,
                from,
                SessionStatus.CANCELLED,
                null,
                session);
    }
}
