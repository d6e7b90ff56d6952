package com.humanchat.schemas.sessions;

import java.time.Instant;
import java.util.UUID;

/**
 * The guest ({@code actorId}) asks {@code hostUserId} for a session, instant when {@code startTime} is null.
 * {@code holdMinutes} is the host's choice, copied by the edge from their profile: how long the requested slot stays
 * held while the host has not answered (0 = not at all, null = the platform's default). {@code samActionId} names the
 * Sam proposal the guest booked from, null if none.
 */
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
        Integer holdMinutes,
        UUID samActionId)
        implements SessionCommand {

    /**
     * @param conversationId the conversation the session is requested from, null if none
     * @param startTime null for an instant session
     * @param holdMinutes how long an unanswered request holds its slot, null for the platform's default
     * @param samActionId the Sam proposal ({@code actionId}) the guest booked from, null if none
     */
    public static RequestSession of(
            UUID sessionId,
            UUID guestId,
            UUID hostUserId,
            UUID conversationId,
            Instant startTime,
            int durationMinutes,
            Money agreedPrice,
            PaymentMode paymentMode,
            Integer holdMinutes,
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
                holdMinutes,
                samActionId);
    }
}
