package com.humanchat.streams.app;

import java.util.concurrent.CountDownLatch;

/**
 * The domain-streams process: reads {@link DomainStreamsConfig} from the environment (an invalid one fails the start,
 * naming every bad variable), provisions the topics, runs the conversation, unread, session and request topologies until the JVM is
 * asked to stop.
 */
public final class DomainStreamsMain {

    private DomainStreamsMain() {}

    public static void main(String[] args) throws InterruptedException {
        DomainStreamsConfig config = DomainStreamsConfig.fromEnv(System.getenv());
        DomainStreams streams = DomainStreams.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            streams.close();
                            stopped.countDown();
                        },
                        "domain-streams-shutdown"));
        stopped.await();
    }
}
