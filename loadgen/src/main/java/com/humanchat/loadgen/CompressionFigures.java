package com.humanchat.loadgen;

import java.util.Collection;

/**
 * Whether the run's sockets offered {@code permessage-deflate}, and on how many of its open sockets the server
 * accepted it (read from each handshake's {@code Sec-WebSocket-Extensions} answer).
 */
record CompressionFigures(boolean offered, long negotiated, long sockets) {

    static CompressionFigures of(boolean offered, Collection<LoadSocket> sockets) {
        return new CompressionFigures(
                offered, sockets.stream().filter(LoadSocket::compressed).count(), sockets.size());
    }
}
