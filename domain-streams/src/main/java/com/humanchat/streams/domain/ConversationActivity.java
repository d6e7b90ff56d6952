package com.humanchat.streams.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the metrics topology keeps per recently active conversation: the highest {@code seq} it counted (a message at
 * or below it is a re-delivery, never counted twice), when its last message was, and its messages per epoch second
 * over the last {@link #SECONDS_KEPT} seconds. A message is counted in the second of its {@code occurredAt}, clamped to
 * now so that a sender's fast clock cannot park it in the future.
 */
public record ConversationActivity(long lastSeq, Instant lastMessageAt, NavigableMap<Long, Integer> messagesPerSecond) {

    /** Enough for the trailing 60 s and the last complete calendar minute, whatever the second of the minute. */
    public static final int SECONDS_KEPT = 120;

    public ConversationActivity {
        messagesPerSecond = new TreeMap<>(messagesPerSecond == null ? Map.of() : messagesPerSecond);
    }

    /**
     * This conversation after message {@code seq} sent at {@code occurredAt}, or empty when it changes nothing: a
     * {@code seq} already counted, or a message older than {@code window} (too old for any figure).
     *
     * @param current the stored activity, null if none
     */
    public static Optional<ConversationActivity> afterMessage(
            ConversationActivity current, long seq, Instant occurredAt, Instant now, Duration window) {
        Instant at = occurredAt.isAfter(now) ? now : occurredAt;
        if (at.isBefore(now.minus(window)) || (current != null && seq <= current.lastSeq)) {
            return Optional.empty();
        }
        long nowSecond = now.getEpochSecond();
        NavigableMap<Long, Integer> seconds = new TreeMap<>(
                current == null ? Map.of() : current.messagesPerSecond.tailMap(nowSecond - SECONDS_KEPT + 1, true));
        long second = at.getEpochSecond();
        if (second > nowSecond - SECONDS_KEPT) {
            seconds.merge(second, 1, Integer::sum);
        }
        Instant last = current == null || at.isAfter(current.lastMessageAt) ? at : current.lastMessageAt;
        return Optional.of(new ConversationActivity(seq, last, seconds));
    }

    /** Still active at {@code now}: its last message is at most {@code window} old. */
    public boolean isActive(Instant now, Duration window) {
        return !lastMessageAt.isBefore(now.minus(window));
    }

    /** Messages in the 60 whole seconds ending with the current one. */
    public long trailingMinute(Instant now) {
        long nowSecond = now.getEpochSecond();
        return sum(nowSecond - 59, nowSecond + 1);
    }

    /** Messages in the last complete calendar minute before {@code now}. */
    public long lastFullMinute(Instant now) {
        long minuteStart = Math.floorDiv(now.getEpochSecond(), 60) * 60;
        return sum(minuteStart - 60, minuteStart);
    }

    private long sum(long fromSecond, long toSecondExclusive) {
        return messagesPerSecond.subMap(fromSecond, true, toSecondExclusive, false).values().stream()
                .mapToLong(Integer::longValue)
                .sum();
    }
}
