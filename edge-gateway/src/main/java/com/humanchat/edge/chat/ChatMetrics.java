package com.humanchat.edge.chat;

import com.humanchat.edge.limits.LimitCounters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** The chat path's meters: sockets, frames, send outcomes and end-to-end delivery latency. */
public final class ChatMetrics {

    private final MeterRegistry registry;
    private final Counter framesIn;
    private final Counter framesOut;
    private final Counter slowSocketsClosed;
    private final Counter sendsAccepted;
    private final Counter sendsPending;
    private final Counter sendsRejected;
    private final Timer deliveryLatency;
    private final LimitCounters limits;

    public ChatMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.framesIn = Counter.builder("humanchat.ws.frames.in")
                .description("frames received from clients")
                .register(registry);
        this.framesOut = Counter.builder("humanchat.ws.frames.out")
                .description("frames written to clients")
                .register(registry);
        this.slowSocketsClosed = Counter.builder("humanchat.ws.closed.slow")
                .description("sockets closed with 1013 because their send queue stayed full")
                .register(registry);
        this.sendsAccepted = sends("accepted");
        this.sendsPending = sends("pending");
        this.sendsRejected = sends("rejected");
        this.deliveryLatency = Timer.builder("humanchat.delivery.latency")
                .description("from a message's occurredAt to its message.new frame written to a socket")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        this.limits = new LimitCounters(registry);
    }

    /** What the socket limits refused. */
    public LimitCounters limits() {
        return limits;
    }

    private Counter sends(String outcome) {
        return Counter.builder("humanchat.chat.sends")
                .description("message sends by outcome: accepted (201), pending (202), rejected (4xx)")
                .tag("outcome", outcome)
                .register(registry);
    }

    public void socketGauge(Supplier<Number> openSockets) {
        Gauge.builder("humanchat.ws.sockets", openSockets)
                .description("open WebSocket connections on this replica")
                .register(registry);
    }

    public void frameIn() {
        framesIn.increment();
    }

    public void frameOut() {
        framesOut.increment();
    }

    public void slowSocketClosed() {
        slowSocketsClosed.increment();
    }

    public void sendAccepted() {
        sendsAccepted.increment();
    }

    public void sendPending() {
        sendsPending.increment();
    }

    public void sendRejected() {
        sendsRejected.increment();
    }

    public void delivered(Instant occurredAt) {
        long millis = Instant.now().toEpochMilli() - occurredAt.toEpochMilli();
        deliveryLatency.record(Duration.ofMillis(Math.max(0, millis)));
    }
}
