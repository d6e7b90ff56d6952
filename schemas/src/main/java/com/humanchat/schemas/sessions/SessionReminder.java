package com.humanchat.schemas.sessions;

import com.fasterxml.jackson.annotation.JsonValue;
import com.humanchat.schemas.chat.ToParticipants;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The session starts at {@code startTime}, {@code lead} from {@code occurredAt}: a reminder to both participants
 * ({@code recipientIds}), sent once per lead and start time by the session topology's clock. Self-describing, so that a
 * notifier needs nothing else: {@code title} is a sentence for a person, {@code session} the session as it is.
 * {@code commandId} is the id the clock gave the reminder (derived from the session, the lead and the start).
 */
public record SessionReminder(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID sessionId,
        UUID commandId,
        Lead lead,
        Instant startTime,
        List<UUID> recipientIds,
        String title,
        Session session)
        implements SessionEvent, ToParticipants {

    /** How long before the start a reminder goes out. */
    public enum Lead {
        DAY("24h", 24 * 60),
        QUARTER_HOUR("15m", 15);

        private final String wire;
        private final int minutes;

        Lead(String wire, int minutes) {
            this.wire = wire;
            this.minutes = minutes;
        }

        @JsonValue
        public String wire() {
            return wire;
        }

        public int minutes() {
            return minutes;
        }
    }

    @Override
    public List<UUID> participantIds() {
        return recipientIds;
    }
}
