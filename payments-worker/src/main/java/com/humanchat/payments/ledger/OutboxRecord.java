package com.humanchat.payments.ledger;

import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.Topic;
import java.nio.charset.StandardCharsets;

/** A record to publish once the transaction that decided it commits, serialized with its topic's serde. */
public record OutboxRecord(String topic, String key, String payload) {

    public static <V extends Envelope> OutboxRecord of(Topic<String, V> topic, V value) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        return new OutboxRecord(topic.name(), value.key(), new String(bytes, StandardCharsets.UTF_8));
    }
}
