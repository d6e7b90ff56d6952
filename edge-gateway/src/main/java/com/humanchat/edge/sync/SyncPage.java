package com.humanchat.edge.sync;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One answer of {@code /api/sync}: items shaped like WebSocket frames, the cursor to continue from, and whether
 * the page was full (more may follow right away).
 */
public record SyncPage(List<JsonObject> items, SyncCursor next, boolean limited) {

    public JsonObject toJson() {
        return new JsonObject()
                .put("items", new JsonArray(items))
                .put("nextCursor", next.encode())
                .put("limited", limited);
    }
}
