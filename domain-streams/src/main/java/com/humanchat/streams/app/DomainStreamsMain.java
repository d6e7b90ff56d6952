package com.humanchat.streams.app;

import com.humanchat.ops.OpsHttpServer;
import com.humanchat.ops.ServiceRunner;
import java.io.IOException;

/**
 * The domain-streams process: reads {@link DomainStreamsConfig} from the environment (an invalid one fails the start,
 * naming every bad variable), provisions the topics, runs the topologies until the JVM is asked to stop, and serves
 * {@code /metrics} (the Streams clients' meters and the lag of each application's consumer group) and
 * {@code /health/*} (ready while every client is running or rebalancing) on {@value OpsHttpServer#PORT_VARIABLE}.
 */
public final class DomainStreamsMain {

    private DomainStreamsMain() {}

    public static void main(String[] args) throws InterruptedException, IOException {
        DomainStreamsConfig config = DomainStreamsConfig.fromEnv(System.getenv());
        int opsPort = OpsHttpServer.portFromEnv(System.getenv());
        ServiceRunner.run(
                "domain-streams",
                opsPort,
                config.bootstrapServers(),
                registry -> DomainStreams.start(config, registry),
                DomainStreams::isRunning,
                DomainStreams::isLive,
                DomainStreams::applicationIds);
    }
}
