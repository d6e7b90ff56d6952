/**
 * Running the topologies: configuration from {@code HUMANCHAT_*} environment variables, topic provisioning, the four
 * {@code KafkaStreams} clients and their lifecycle, for the {@code DomainStreamsMain} process and for embedding (the
 * standalone launcher).
 */
package com.humanchat.streams.app;
