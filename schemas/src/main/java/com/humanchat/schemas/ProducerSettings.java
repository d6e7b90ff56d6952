package com.humanchat.schemas;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The producer settings of the platform's back-end writers (projector dead letters, Sam replies, payments): every
 * record acknowledged by all in-sync replicas, idempotent, sent at once, and every wait bounded so that a broker outage
 * surfaces as an error the caller retries instead of a hang.
 */
public final class ProducerSettings {

    private ProducerSettings() {}

    public static Map<String, Object> reliable(String bootstrapServers, String clientId) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG,
                clientId,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000);
    }
}
