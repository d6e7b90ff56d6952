package com.humanchat.streams.domain;

import java.util.UUID;

/** One member's absolute unread state in one conversation, as the per-conversation ledger publishes it. */
public record MemberUnread(UUID userId, UnreadPosition position) {

    public long unreadCount() {
        return position.unread();
    }
}
