package com.humanchat.edge.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.humanchat.edge.http.KeysetCursor;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConversationIdsTest {

    @Test
    void aDirectConversationHasOneIdPerPairWhoeverAsks() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertThat(ConversationService.directConversationId(a, b))
                .isEqualTo(ConversationService.directConversationId(b, a))
                .isNotEqualTo(ConversationService.directConversationId(a, UUID.randomUUID()));
    }

    @Test
    void theDirectIdIsTheNameUuidOfTheOrderedPair() {
        UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID high = UUID.fromString("ffffffff-0000-0000-0000-000000000001");
        assertThat(ConversationService.directConversationId(high, low))
                .isEqualTo(UUID.nameUUIDFromBytes(("direct:" + low + ":" + high).getBytes()));
    }

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
