package com.humanchat.edge.ws;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The highest seq pushed per conversation, for the most recently active conversations (bounded LRU): a record
 * re-emitted after a Streams crash carries a seq already pushed and is not pushed again. Thread-safe.
 */
public final class SeqWatermarks {

    private final Map<UUID, Long> highest;

    public SeqWatermarks(int maxConversations) {
        this.highest = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Long> eldest) {
                return size() > maxConversations;
            }
        };
    }

    /** Records {@code seq} and answers true if it is above every seq seen for the conversation. */
    public synchronized boolean advance(UUID conversationId, long seq) {
        Long current = highest.get(conversationId);
        if (current != null && seq <= current) {
            return false;
        }
        highest.put(conversationId, seq);
        return true;
    }

    /** The highest seq seen, or 0 when the conversation is not (or no longer) tracked. */
    public synchronized long highest(UUID conversationId) {
        Long current = highest.get(conversationId);
        return current == null ? 0 : current;
    }
}
