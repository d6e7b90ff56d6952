package com.humanchat.streams.topology;

import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Every topology's stores are the same kind: persistent (RocksDB), String keys, JSON values ({@link StoreJson}), no
 * record cache (each write reaches the changelog in processing order) and a changelog with the broker's defaults.
 */
final class StateStores {

    private StateStores() {}

    static StoreBuilder<KeyValueStore<String, byte[]>> persistent(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.ByteArray())
                .withCachingDisabled()
                .withLoggingEnabled(Map.of());
    }
}
