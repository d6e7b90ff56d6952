package com.humanchat.edge.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.presence.PresenceMessages.PresenceChange;
import com.humanchat.edge.presence.PresenceMessages.Resync;
import com.humanchat.edge.presence.PresenceMessages.Typing;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PresenceMessagesTest {

    private static final UUID USER = UUID.randomUUID();
    private static final UUID CONVERSATION = UUID.randomUUID();

    @Test
    void presenceAndTypingSurviveTheRoundTrip() {
        PresenceChange change = new PresenceChange(USER, "busy");
        assertThat(PresenceMessages.decode(PresenceMessages.encode(change))).isEqualTo(change);
        Typing typing = new Typing(CONVERSATION, USER, true);
        assertThat(PresenceMessages.decode(PresenceMessages.encode(typing))).isEqualTo(typing);
        assertThat(PresenceMessages.decode(PresenceMessages.encodeResync())).isInstanceOf(Resync.class);
    }

    @Test
    void garbageDecodesToNull() {
        assertThat(PresenceMessages.decode("not json")).isNull();
        assertThat(PresenceMessages.decode("{}")).isNull();
        assertThat(PresenceMessages.decode("{\"kind\":\"presence\",\"userId\":\"x\",\"status\":\"online\"}"))
                .isNull();
        assertThat(PresenceMessages.decode(
                        "{\"kind\":\"presence\",\"userId\":\"" + USER + "\",\"status\":\"dancing\"}"))
                .isNull();
        assertThat(PresenceMessages.decode("{\"kind\":\"typing\",\"userId\":\"" + USER + "\"}"))
                .isNull();
    }

    @Test
    void framesHaveTheDocumentedShape() {
        assertThat(PresenceMessages.frame(new PresenceChange(USER, "away")))
                .isEqualTo(new JsonObject()
                        .put("type", "presence")
                        .put("userId", USER.toString())
                        .put("status", "away"));
        assertThat(PresenceMessages.frame(new Typing(CONVERSATION, USER, false)))
                .isEqualTo(new JsonObject()
                        .put("type", "typing")
                        .put("conversationId", CONVERSATION.toString())
                        .put("userId", USER.toString())
                        .put("isTyping", false));
    }
}
