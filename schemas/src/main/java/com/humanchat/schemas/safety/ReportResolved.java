package com.humanchat.schemas.safety;

import java.time.Instant;
import java.util.UUID;

/**
 * An admin resolved a report: the reporter is told the outcome ({@code action_taken} or {@code no_action}), never who
 * was acted on or how. Key = {@code report:<reportId>}.
 */
public record ReportResolved(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID reportId,
        UUID reporterId,
        String targetType,
        String outcome)
        implements SafetyEvent {

    public static final String ACTION_TAKEN = "action_taken";
    public static final String NO_ACTION = "no_action";

    public static ReportResolved of(UUID reportId, UUID reporterId, String targetType, String outcome, Instant at) {
        return new ReportResolved(UUID.randomUUID(), 1, at, reportId, reporterId, targetType, outcome);
    }

    @Override
    public String key() {
        return "report:" + reportId;
    }
}
