package com.humanchat.streams.topology;

import com.humanchat.schemas.sessions.RequestSession;
import java.util.UUID;

/**
 * What reaches a host's calendar through the {@code sessions-by-host} repartition topic (keyed by hostUserId): a
 * session request to admit, or a session whose slot is free again. Exactly one of the two is set.
 */
public record CalendarChange(RequestSession request, UUID releasedSessionId) {

    static CalendarChange admit(RequestSession request) {
        return new CalendarChange(request, null);
    }

    static CalendarChange release(UUID sessionId) {
        return new CalendarChange(null, sessionId);
    }
}
