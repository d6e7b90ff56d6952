package com.humanchat.readmodels.presence;

import java.util.Collection;
import java.util.List;

/** The presence statuses, and how the statuses a user holds on several edge replicas combine into one. */
public final class PresenceStatus {

    public static final String ONLINE = "online";
    public static final String AWAY = "away";
    public static final String BUSY = "busy";
    public static final String OFFLINE = "offline";

    /** Most available first: a user online on one replica and away on another is online. */
    private static final List<String> PRECEDENCE = List.of(ONLINE, BUSY, AWAY);

    private PresenceStatus() {}

    /** The status of a user from the statuses their live keys hold (one per replica); offline when none. */
    public static String effective(Collection<String> replicaStatuses) {
        for (String status : PRECEDENCE) {
            if (replicaStatuses.contains(status)) {
                return status;
            }
        }
        return replicaStatuses.stream().anyMatch(s -> s != null) ? ONLINE : OFFLINE;
    }

    /** True for one of the four statuses. */
    public static boolean isKnown(String status) {
        return status != null && (PRECEDENCE.contains(status) || OFFLINE.equals(status));
    }
}
