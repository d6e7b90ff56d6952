package com.humanchat.edge.sync;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One answer of {@code /api/sync}: items shaped like WebSocket frames, the cursor to continue from, whether the page
 * was full (more may follow right away), and the in-app notifications as they stand ({@code {unreadCount, items}}:
 * absolute values, the newest few, whatever the cursor — null until {@link #with} adds them).
 */
public record SyncPage(List<JsonObject> items, SyncCursor next, boolean limited, JsonObject notifications) {

    public SyncPage(List<JsonObject> items, SyncCursor next, boolean limited) {
        this(items, next, limited, null);
    }

    public SyncPage with(JsonObject notifications) {
        return new SyncPage(items, next, limited, notifications);
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("items", new JsonArray(items))
                .put("nextCursor", next.encode())
                .put("limited", limited)
                .put("notifications", notifications);
    }
}
