package com.humanchat.schemas;

import org.apache.kafka.common.serialization.Serde;

/** A Kafka topic with the serdes of its key and value, so that no code names a topic without its types. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {}
