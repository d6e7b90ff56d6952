package com.humanchat.schemas.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.humanchat.schemas.Envelope;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The platform's live figures as the metrics topology computed them at {@link #asOf()}; key = {@value #KEY}. Each
 * snapshot is absolute and replaces the previous one (the topic is compacted), so a reader needs only the latest.
 *
 * @param occurredAt the wall-clock instant the figures describe, also written as {@code asOf}
 * @param intervalSeconds how often a new snapshot is emitted
 * @param messagesPerMinute {@code message.sent} events (every kind: text, system, Sam) whose time lies in the trailing
 *     60 seconds before {@code asOf}
 * @param messagesLastFullMinute {@code message.sent} events in the last complete calendar minute before {@code asOf}
 * @param activeConversations distinct conversations with a message in the last {@code activeWindowMinutes}
 * @param activeWindowMinutes the window of {@code activeConversations}: {@link #ACTIVE_CONVERSATION_WINDOW}
 * @param sessionsByStatus sessions currently in each non-final status (every such status present, 0 included);
 *     declined, cancelled and completed sessions are not counted
 * @param requestsPending managed requests currently {@code pending}
 * @param sam Sam's queue and latency
 * @param revenue24h per lower-case ISO-4217 currency, payments of the last 24 hours
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = MetricsSnapshot.class, name = "metrics.snapshot")})
public record MetricsSnapshot(
        UUID eventId,
        int version,
        Instant occurredAt,
        int intervalSeconds,
        long messagesPerMinute,
        long messagesLastFullMinute,
        long activeConversations,
        int activeWindowMinutes,
        Map<String, Long> sessionsByStatus,
        long requestsPending,
        Sam sam,
        Map<String, Revenue> revenue24h)
        implements Envelope {

    /** The one key of {@code admin.metrics}: there is one platform. */
    public static final String KEY = "platform";

    /** A conversation counts as active while its last message is at most this old. */
    public static final Duration ACTIVE_CONVERSATION_WINDOW = Duration.ofMinutes(15);

    /** How far back {@code revenue24h} looks. */
    public static final Duration REVENUE_WINDOW = Duration.ofHours(24);

    public MetricsSnapshot {
        sessionsByStatus = sessionsByStatus == null ? Map.of() : Map.copyOf(new TreeMap<>(sessionsByStatus));
        revenue24h = revenue24h == null ? Map.of() : Map.copyOf(new TreeMap<>(revenue24h));
    }

    /** The instant the figures describe: the same as {@code occurredAt}, named for readers of the admin API. */
    @JsonProperty("asOf")
    public Instant asOf() {
        return occurredAt;
    }

    @Override
    public String key() {
        return KEY;
    }

    /**
     * Sam's load.
     *
     * @param queueDepth requests asked and not answered yet (requests unanswered for 24 h are given up on)
     * @param latencyP50Ms median of ask → reply over the recent replies, null without any
     * @param latencyP95Ms 95th percentile of the same, null without any
     * @param latencySamples how many recent replies the percentiles are over
     */
    public record Sam(
            long queueDepth,
            @JsonInclude(JsonInclude.Include.ALWAYS) Long latencyP50Ms,
            @JsonInclude(JsonInclude.Include.ALWAYS) Long latencyP95Ms,
            int latencySamples) {}

    /**
     * Money of one currency in the revenue window, in minor units.
     *
     * @param grossSucceededCents amounts of the payments that succeeded in the window (refunded later or not)
     * @param refundedCents amounts refunded in the window
     * @param platformFeeCents fees of the payments that succeeded in the window and are not refunded (a refund gives
     *     the fee back)
     */
    public record Revenue(long grossSucceededCents, long refundedCents, long platformFeeCents) {}
}
