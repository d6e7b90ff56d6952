package com.humanchat.schemas.chat;

import java.time.Instant;
import java.util.UUID;

/** {@code userId} has {@code unreadCount} unread in one conversation and {@code totalUnread} over all of them. */
public record UnreadChanged(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID userId,
        UUID conversationId,
        long unreadCount,
        long totalUnread,
        long lastSeq,
        long lastReadSeq)
        implements UnreadEvent {}
