package com.humanchat.sam.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What live data says about a user an action names: a bookable host (role {@code host}, not suspended), their price
 * ({@code priceCents} null = no price set, sessions with them are free), whether a manager answers for them, whether
 * they take instant sessions and are online now, and the time their sessions already hold (the host calendar).
 */
public record HostFacts(
        UUID id,
        boolean bookable,
        Long priceCents,
        String currency,
        boolean managed,
        boolean instantAvailable,
        String presence,
        List<Held> held) {

    /** Time held by one of the host's sessions; {@code start} null for an instant session under way. */
    public record Held(Instant start, int durationMinutes) {

        /** Whether this session holds any of {@code [from, from + minutes)}, seen at {@code now}. */
        boolean overlaps(Instant from, int minutes, Instant now) {
            Instant begins = start == null ? now : start;
            Instant ends = begins.plusSeconds(60L * durationMinutes);
            return begins.isBefore(from.plusSeconds(60L * minutes)) && from.isBefore(ends);
        }
    }

    public HostFacts {
        held = List.copyOf(held);
    }

    /**
     * A user as {@code read-models} reads them for the edge's admission rules too (so that Sam proposes what the edge
     * books: a price set without a currency is in {@code usd}), with their presence and calendar.
     */
    public static HostFacts of(com.humanchat.readmodels.hosts.HostFacts user, String presence, List<Held> held) {
        return new HostFacts(
                user.id(),
                user.bookable(),
                user.offer().priceCents(),
                user.offer().currency(),
                user.managed(),
                user.instantAvailable(),
                presence,
                held);
    }

    /** A host without sessions, offline, who takes no instant sessions. */
    public HostFacts(UUID id, boolean bookable, Long priceCents, String currency, boolean managed) {
        this(id, bookable, priceCents, currency, managed, false, "offline", List.of());
    }

    /**
     * These facts, unbookable when {@code refused}: a host who blocked the asker is proposed to them no more than
     * someone who is not a host, and the note about a dropped suggestion says just that (no hint of the block).
     */
    public HostFacts unbookableIf(boolean refused) {
        return refused
                ? new HostFacts(id, false, priceCents, currency, managed, instantAvailable, presence, held)
                : this;
    }

    /** True when the host charges for a session. */
    public boolean charges() {
        return priceCents != null && priceCents > 0;
    }

    /** Whether {@code [from, from + minutes)} is free in the host's calendar. */
    public boolean freeAt(Instant from, int minutes, Instant now) {
        return held.stream().noneMatch(h -> h.overlaps(from, minutes, now));
    }
}
