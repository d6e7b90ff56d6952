package com.humanchat.streams.topology;

import com.humanchat.schemas.availability.SetAvailability;
import com.humanchat.schemas.sessions.RequestSession;
import com.humanchat.schemas.sessions.SessionCommand;
import com.humanchat.schemas.sessions.TransitionSession;
import java.util.UUID;

/**
 * What reaches a host's calendar through the {@code sessions-by-host} repartition topic (keyed by hostUserId): a
 * session request to admit, the host's accept of a session (keyed by its actor), a reschedule proposal or its answer
 * (keyed by the host the edge named), a session whose slot is free again, or the host's new availability (from
 * {@code availability.commands}). Exactly one of the five is set.
 */
public record CalendarChange(
        RequestSession request,
        TransitionSession accept,
        SessionCommand reschedule,
        UUID releasedSessionId,
        SetAvailability availability) {

    static CalendarChange admit(RequestSession request) {
        return new CalendarChange(request, null, null, null, null);
    }

    static CalendarChange accept(TransitionSession accept) {
        return new CalendarChange(null, accept, null, null, null);
    }

    static CalendarChange reschedule(SessionCommand reschedule) {
        return new CalendarChange(null, null, reschedule, null, null);
    }

    static CalendarChange release(UUID sessionId) {
        return new CalendarChange(null, null, null, sessionId, null);
    }

    static CalendarChange publish(SetAvailability availability) {
        return new CalendarChange(null, null, null, null, availability);
    }

    boolean wellFormed() {
        int set = (request == null ? 0 : 1)
                + (accept == null ? 0 : 1)
                + (reschedule == null ? 0 : 1)
                + (releasedSessionId == null ? 0 : 1)
                + (availability == null ? 0 : 1);
        return set == 1;
    }
}
