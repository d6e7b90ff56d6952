package com.humanchat.edge.presence;

import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * This replica's sockets as presence sees them (the WebSocket side implements it): presence decides who learns what,
 * the sockets only carry frames, so presence never depends on the socket protocol.
 */
public interface LocalSockets {

    /** Whether {@code userId} has at least one socket on this replica. */
    boolean hasSockets(UUID userId);

    /**
     * A live frame to every socket of {@code userId} here; any thread, never blocks. The returned sender encodes
     * {@code frame} once however many users it goes to.
     */
    Sender frame(JsonObject frame);

    /** One encoded frame, pushed to as many users as needed. */
    interface Sender {
        void pushTo(UUID userId);
    }
}
