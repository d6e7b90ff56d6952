package com.humanchat.schemas.sessions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A session as it is after an event: every session event carries it whole, so consumers need no state.
 *
 * @param conversationId the conversation it was requested from, null if none
 * @param startTime the scheduled start, null for an instant session
 * @param startedAt set when it went {@code in_progress}
 * @param completedAt set when it went {@code completed}, with {@code actualDurationSeconds}
 * @param samActionId the Sam action ({@code actionId} of a {@code propose_booking}) it was booked from, null if none
 */
public record Session(
        UUID sessionId,
        UUID guestUserId,
        UUID hostUserId,
        UUID conversationId,
        Instant startTime,
        int durationMinutes,
        Money agreedPrice,
        PaymentMode paymentMode,
        SessionStatus status,
        Instant requestedAt,
        Instant updatedAt,
        Instant startedAt,
        Instant completedAt,
        Long actualDurationSeconds,
        UUID samActionId) {

    /** The guest and the host, in that order. */
    public List<UUID> participantIds() {
        return List.of(guestUserId, hostUserId);
    }

    public boolean isParticipant(UUID userId) {
        return guestUserId.equals(userId) || hostUserId.equals(userId);
    }

    /** The same session moved to start at {@code newStart}, as of {@code at} (an accepted reschedule). */
    public Session movedTo(Instant newStart, Instant at) {
        return new Session(
                sessionId,
                guestUserId,
                hostUserId,
                conversationId,
                newStart,
                durationMinutes,
                agreedPrice,
                paymentMode,
                status,
                requestedAt,
                at,
                startedAt,
                completedAt,
                actualDurationSeconds,
                samActionId);
    }

    /** The end of the scheduled slot, null for an instant session. */
    public Instant scheduledEnd() {
        return startTime == null ? null : startTime.plusSeconds(60L * durationMinutes);
    }
}
