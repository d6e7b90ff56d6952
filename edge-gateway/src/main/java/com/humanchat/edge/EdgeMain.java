package com.humanchat.edge;

import com.humanchat.edge.config.EdgeConfig;
import com.humanchat.schemas.config.InvalidConfigurationException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployable edge: reads {@code HUMANCHAT_*} from the environment, starts, and stops gracefully on SIGTERM.
 * Exits 2 with every configuration problem listed, or 1 if the edge cannot start.
 */
public final class EdgeMain {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeMain.class);
    private static final long STOP_TIMEOUT_SECONDS = 30;

    private EdgeMain() {}

    public static void main(String[] args) {
        EdgeConfig config;
        try {
            config = EdgeConfig.fromEnv(System.getenv());
        } catch (InvalidConfigurationException e) {
            LOG.error("{}", e.getMessage());
            System.exit(2);
            return;
        }
        Edge edge;
        try {
            edge = Edge.start(config).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.error("edge failed to start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> edge.closeAndWait(STOP_TIMEOUT_SECONDS), "edge-shutdown"));
    }
}
