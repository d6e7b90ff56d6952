package com.humanchat.schemas.sessions;

import java.time.Instant;
import java.util.UUID;

/** The guest ({@code actorId}) asks {@code hostUserId} for a session, instant when {@code startTime} is null. */
public record RequestSession(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID sessionId,
        UUID actorId,
        UUID hostUserId,
        UUID conversationId,
        Instant startTime,
        int durationMinutes,
        Money agreedPrice,
        PaymentMode paymentMode,
        UUID samActionId)
        implements SessionCommand {

    /**
     * @param conversationId the conversation the session is requested from, null if none
     * @param startTime null for an instant session
     */
    public static RequestSession of(
            UUID sessionId,
            UUID guestId,
            UUID hostUserId,
            UUID conversationId,
            Instant startTime,
            int durationMinutes,
            Money agreedPrice,
            PaymentMode paymentMode) {
        return of(
                sessionId,
                guestId,
                hostUserId,
                conversationId,
                startTime,
                durationMinutes,
                agreedPrice,
                paymentMode,
                null);
    }

    /** @param samActionId the Sam proposal ({@code actionId}) the guest booked from, null if none */
    public static RequestSession of(
            UUID sessionId,
            UUID guestId,
            UUID hostUserId,
            UUID conversationId,
            Instant startTime,
            int durationMinutes,
            Money agreedPrice,
            PaymentMode paymentMode,
            UUID samActionId) {
        return new RequestSession(
                UUID.randomUUID(),
                1,
                Instant.now(),
                sessionId,
                guestId,
                hostUserId,
                conversationId,
                startTime,
                durationMinutes,
                agreedPrice,
                paymentMode,
                samActionId);
    }
}
