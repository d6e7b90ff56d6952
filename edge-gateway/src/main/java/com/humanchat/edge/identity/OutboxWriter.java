package com.humanchat.edge.identity;

import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.Topic;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;

/**
 * Appends a record to the transactional {@code outbox} on the caller's transaction, serialised with its topic's
 * value serde, so the change and its event commit or roll back together; {@code OutboxRelay} publishes it.
 */
public final class OutboxWriter {

    public <V extends Envelope> Future<Void> append(SqlClient transaction, Topic<String, V> topic, V record) {
        byte[] json = topic.valueSerde().serializer().serialize(topic.name(), record);
        return transaction
                .preparedQuery("insert into outbox (topic, record_key, payload) values ($1, $2, $3::text::jsonb)")
                .execute(Tuple.of(topic.name(), record.key(), new String(json, StandardCharsets.UTF_8)))
                .mapEmpty();
    }

    /**
     * Appends a tombstone (the key with a null value) on the caller's transaction: once compacted, the topic keeps
     * nothing of the key but this.
     */
    public Future<Void> appendTombstone(SqlClient transaction, Topic<String, ?> topic, String key) {
        return transaction
                .preparedQuery("insert into outbox (topic, record_key, payload) values ($1, $2, null)")
                .execute(Tuple.of(topic.name(), key))
                .mapEmpty();
    }
}
