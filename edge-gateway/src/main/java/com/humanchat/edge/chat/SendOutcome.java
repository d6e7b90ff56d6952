package com.humanchat.edge.chat;

import com.humanchat.schemas.chat.MessageSent;
import io.vertx.core.json.JsonObject;

/** How a send ended within the wait: accepted with its message (201), or still pending (202). */
public sealed interface SendOutcome {

    /** The topology assigned the message its seq; on a retry, this is the original message. */
    record Accepted(MessageSent event) implements SendOutcome {
        public JsonObject message() {
            return ChatJson.message(event);
        }
    }

    /** Kafka acknowledged the command but no answer came within the wait. */
    record Pending(String clientMessageId) implements SendOutcome {
        public JsonObject body() {
            return new JsonObject().put("clientMessageId", clientMessageId).put("status", "pending");
        }
    }
}
