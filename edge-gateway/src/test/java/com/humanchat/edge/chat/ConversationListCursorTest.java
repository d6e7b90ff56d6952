package com.humanchat.edge.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.humanchat.edge.http.KeysetCursor;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConversationListCursorTest {

    @Test
    void listCursorsRoundTripAndRefuseGarbage() {
        JsonObject item = new JsonObject()
                .put("conversationId", UUID.randomUUID().toString())
                .put(
                        "lastActivity",
                        Instant.parse("2026-11-24T10:15:30.123456Z").toString());
        KeysetCursor cursor = KeysetCursor.after(item, "lastActivity", "conversationId");
        assertThat(KeysetCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.at().toInstant()).isEqualTo(Instant.parse("2026-11-24T10:15:30.123456Z"));
        assertThatThrownBy(() -> KeysetCursor.decode("garbage")).isInstanceOf(IllegalArgumentException.class);
    }
}
