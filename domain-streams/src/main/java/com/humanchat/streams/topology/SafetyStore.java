package com.humanchat.streams.topology;

import com.humanchat.schemas.Topics;
import com.humanchat.schemas.safety.InboundPolicySet;
import com.humanchat.schemas.safety.SafetyEvent;
import com.humanchat.schemas.safety.UserBlocked;
import com.humanchat.streams.domain.SafetySettings;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The compacted {@code users.safety} held whole by every instance of a topology, as the global store {@value #STORE}:
 * the latest event per key is the setting (a block, its lifting, a host's inbound policy). Every replica and every task
 * reads the same settings, so a retried or re-routed command meets the block too. The topic is its own changelog.
 */
final class SafetyStore implements SafetySettings {

    static final String STORE = "safety-store";
    static final String SOURCE = "users-safety-source";
    static final String UPDATER = "safety-store-updater";

    private final ReadOnlyKeyValueStore<String, SafetyEvent> store;

    private SafetyStore(ReadOnlyKeyValueStore<String, SafetyEvent> store) {
        this.store = store;
    }

    /** The settings as a processor of the topology sees them. */
    static SafetyStore of(ProcessorContext<?, ?> context) {
        return new SafetyStore(context.getStateStore(STORE));
    }

    static void addTo(Topology topology) {
        topology.addGlobalStore(
                storeBuilder(),
                SOURCE,
                Topics.USERS_SAFETY.keySerde().deserializer(),
                Topics.USERS_SAFETY.valueSerde().deserializer(),
                Topics.USERS_SAFETY.name(),
                UPDATER,
                Updater::new);
    }

    static void addTo(StreamsBuilder builder) {
        builder.addGlobalStore(
                storeBuilder(),
                Topics.USERS_SAFETY.name(),
                Consumed.with(Topics.USERS_SAFETY.keySerde(), Topics.USERS_SAFETY.valueSerde())
                        .withName(SOURCE),
                Updater::new);
    }

    private static StoreBuilder<KeyValueStore<String, SafetyEvent>> storeBuilder() {
        return Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(STORE), Serdes.String(), Topics.USERS_SAFETY.valueSerde())
                .withLoggingDisabled();
    }

    @Override
    public boolean blocks(UUID blockerId, UUID blockedId) {
        return store.get(SafetyEvent.blockKey(blockerId, blockedId)) instanceof UserBlocked;
    }

    @Override
    public Optional<InboundPolicySet> inbound(UUID hostId) {
        return store.get(SafetyEvent.inboundKey(hostId)) instanceof InboundPolicySet policy
                ? Optional.of(policy)
                : Optional.empty();
    }

    /** Keeps the latest event per key; a tombstone removes the key. */
    private static final class Updater implements Processor<String, SafetyEvent, Void, Void> {

        private KeyValueStore<String, SafetyEvent> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, SafetyEvent> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
    }
}
