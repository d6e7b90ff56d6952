package com.humanchat.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks a TCP port on 127.0.0.1 that nothing listens on right now; whoever binds it next must cope with losing a race. */
final class FreePort {

    private FreePort() {}

    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free TCP port on 127.0.0.1", e);
        }
    }

    /** A free port other than {@code taken}, for a second listener of the same server. */
    static int pickOtherThan(int taken) {
        int port;
        do {
            port = pick();
        } while (port == taken);
        return port;
    }

    /** True when {@code error} or one of its causes is a failure to bind a listening socket. */
    static boolean isBindFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
            String message = cause.getMessage();
            if (message != null && message.contains("Address already in use")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    static void requireValidPort(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (pick a free one) or 1-65535, was " + port);
        }
    }
}
