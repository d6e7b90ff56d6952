package com.humanchat.edge.sessions.domain;

import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Sessions for the rules that look at who takes part, how it is paid, its status and its start. */
public final class TestSessions {

    /** What a paid session costs here. */
    public static final Money PRICE = Money.of(2500, "usd");

    private TestSessions() {}

    /** A 30-minute session requested three days before {@code start}, at {@link #PRICE} when paid, else free. */
    public static Session of(UUID guest, UUID host, PaymentMode mode, SessionStatus status, Instant start) {
        Instant requested = start.minus(Duration.ofDays(3));
        return new Session(
                UUID.randomUUID(),
                guest,
                host,
                null,
                start,
                30,
                mode == PaymentMode.PAID ? PRICE : Money.of(0, "usd"),
                mode,
                status,
                requested,
                requested,
                null,
                null,
                null,
                null);
    }
}
