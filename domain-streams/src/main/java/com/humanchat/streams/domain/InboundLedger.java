package com.humanchat.streams.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A host's new direct conversations of one UTC day, for their inbound cap: the day and the conversations admitted on
 * it. A conversation admitted once is admitted again without counting (a retried create), and a new day starts empty.
 *
 * @param day the UTC day counted, {@code yyyy-MM-dd}
 * @param admitted the conversations admitted that day, in order
 */
public record InboundLedger(String day, List<UUID> admitted) {

    public InboundLedger {
        admitted = List.copyOf(admitted);
    }

    public static InboundLedger empty() {
        return new InboundLedger("", List.of());
    }

    /** The outcome of one create: the ledger to store and whether the conversation may be created. */
    public record Admission(InboundLedger ledger, boolean admitted) {}

    /** Admits {@code conversationId} at {@code at} unless the day already holds {@code cap} other conversations. */
    public Admission admit(UUID conversationId, Instant at, int cap) {
        String today = LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
        List<UUID> counted = today.equals(day) ? admitted : List.of();
        if (counted.contains(conversationId)) {
            return new Admission(new InboundLedger(today, counted), true);
        }
        if (counted.size() >= cap) {
            return new Admission(new InboundLedger(today, counted), false);
        }
        List<UUID> more = new ArrayList<>(counted);
        more.add(conversationId);
        return new Admission(new InboundLedger(today, more), true);
    }
}
