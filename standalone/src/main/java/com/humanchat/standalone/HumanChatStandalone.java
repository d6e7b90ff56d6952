package com.humanchat.standalone;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./humanchat start}: the whole platform in this JVM. Kafka, PostgreSQL and Redis run embedded (data in
 * {@code HUMANCHAT_DATA_DIR}, default {@code ./var}) unless {@code HUMANCHAT_KAFKA_BOOTSTRAP},
 * {@code HUMANCHAT_PG_URL} or {@code HUMANCHAT_REDIS_URL} name external ones.
 */
public final class HumanChatStandalone {

    private static final Logger LOG = LoggerFactory.getLogger(HumanChatStandalone.class);

    private HumanChatStandalone() {}

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        StandaloneSettings settings;
        StandalonePlatform platform;
        try {
            settings = StandaloneSettings.fromEnv(env);
            platform = StandalonePlatform.start(settings, env);
        } catch (Exception e) {
            LOG.error("HumanChat could not start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "humanchat-shutdown"));
        LOG.info(
                "HumanChat is up at http://127.0.0.1:{}  (metrics and health detail at http://127.0.0.1:{}/metrics;"
                        + " Ctrl-C stops it; data stays in {})",
                platform.port(),
                platform.opsPort(),
                StandaloneSettings.fromEnv(env).dataDir());
    }
}
