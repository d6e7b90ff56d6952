package com.humanchat.streams.topology;

import java.util.UUID;

/**
 * One member's absolute position in one conversation, on its way from the per-conversation ledger to the per-user
 * totals through the {@code unread-by-user} repartition topic (keyed by userId).
 */
public record ConversationUnread(UUID userId, UUID conversationId, long lastSeq, long lastReadSeq) {}
