package com.humanchat.edge.limits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts what each limit refused ({@code humanchat.limits.refused{limit}}): a rising count says a limit is being
 * abused, or is too tight for real clients.
 */
public final class LimitCounters {

    /** The limits of one replica, by the tag value they are counted under. */
    public enum Limit {
        USER_REQUESTS("user_requests"),
        ADDRESS_SIGN_IN("address_sign_in"),
        SIGN_IN_LOCKOUT("sign_in_lockout"),
        WS_FRAMES("ws_frames"),
        WS_SOCKETS("ws_sockets"),
        REPLICA_SOCKETS("replica_sockets"),
        TYPING("typing");

        private final String tag;

        Limit(String tag) {
            this.tag = tag;
        }
    }

    private final Map<Limit, Counter> counters = new EnumMap<>(Limit.class);

    public LimitCounters(MeterRegistry registry) {
        for (Limit limit : Limit.values()) {
            counters.put(
                    limit,
                    Counter.builder("humanchat.limits.refused")
                            .description("requests, sockets and frames refused by a rate or connection limit")
                            .tag("limit", limit.tag)
                            .register(registry));
        }
    }

    public void refused(Limit limit) {
        counters.get(limit).increment();
    }
}
