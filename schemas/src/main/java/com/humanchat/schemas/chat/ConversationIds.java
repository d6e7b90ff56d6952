package com.humanchat.schemas.chat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Conversation ids are opaque: nobody can compute one from public facts. The edge gives a new direct conversation a
 * random id and finds a pair's conversation through a lookup (migration V51); the one id derived here is that of the
 * conversation an approved managed request opens, from the request's own random id, so that the request topology can
 * name it without I/O and a replayed approval opens the same conversation.
 */
public final class ConversationIds {

    private ConversationIds() {}

    /** The conversation that the approval of request {@code requestId} opens. */
    public static UUID ofApprovedRequest(UUID requestId) {
        return UUID.nameUUIDFromBytes(("approved-request:" + requestId).getBytes(StandardCharsets.UTF_8));
    }
}
