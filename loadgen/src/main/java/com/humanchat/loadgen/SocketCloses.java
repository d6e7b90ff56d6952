package com.humanchat.loadgen;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How the server closed a run's sockets: with 1013 ("try again later": the edge shed a socket that read too slowly)
 * or otherwise. Its {@link #listener} counts them for every socket of the run.
 */
final class SocketCloses {

    /** What a run does with a socket's frames; called on the socket's event loop, so it must not block. */
    interface Frames {
        void onFrame(LoadSocket socket, ServerFrame frame, long receivedNanos);
    }

    private final AtomicLong with1013 = new AtomicLong();
    private final AtomicLong other = new AtomicLong();

    /** A socket listener handing the frames to {@code frames} and counting the closes here. */
    LoadSocket.Listener listener(Frames frames) {
        return new LoadSocket.Listener() {
            @Override
            public void onFrame(LoadSocket socket, ServerFrame frame, long receivedNanos) {
                frames.onFrame(socket, frame, receivedNanos);
            }

            @Override
            public void onClose(LoadSocket socket, Short statusCode, String reason) {
                (statusCode != null && statusCode == 1013 ? with1013 : other).incrementAndGet();
            }
        };
    }

    long with1013() {
        return with1013.get();
    }

    long other() {
        return other.get();
    }
}
