package com.humanchat.edge.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.humanchat.edge.http.Rejections;
import com.humanchat.edge.kafka.CommandPublisher;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.rtc.RtcSignal;
import io.vertx.core.Future;
import java.util.UUID;

/**
 * WebRTC signalling between the two participants of a session that is {@code confirmed} or {@code in_progress}: a
 * signal is produced to {@code rtc.signals}, which every edge replica reads, so it reaches the other participant on
 * whichever replica they are. Anyone else, or any other status, gets the 404 of an unknown session.
 */
public final class RtcRelay {

    private final SessionService sessions;
    private final CommandPublisher publisher;

    public RtcRelay(SessionService sessions, CommandPublisher publisher) {
        this.sessions = sessions;
        this.publisher = publisher;
    }

    /** Relays {@code payload} from {@code from} to the other participant; fails with a problem otherwise. */
    public Future<Void> relay(UUID from, UUID sessionId, JsonNode payload) {
        return sessions.callPeer(from, sessionId).compose(peer -> {
            if (peer.isEmpty()) {
                return Future.failedFuture(Rejections.unknownSession());
            }
            RtcSignal signal = RtcSignal.of(sessionId, from, peer.get(), payload);
            return publisher.publish(Topics.RTC_SIGNALS, signal.key(), signal).mapEmpty();
        });
    }
}
