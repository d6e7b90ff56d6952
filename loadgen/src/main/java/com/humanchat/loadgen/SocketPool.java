package com.humanchat.loadgen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.humanchat.loadgen.ApiClient.RegisteredUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import java.util.List;

/**
 * Opens one socket per user, {@code concurrency} at a time, and warns when a {@code hello} names another user than
 * the one registered; element i is user i's socket, and any socket that fails to open fails the whole call.
 */
final class SocketPool {

    private SocketPool() {}

    /** Blocks until every socket has its {@code hello}; {@code label} names them in the progress lines. */
    static List<LoadSocket> connect(
            Vertx vertx,
            WebSocketClient client,
            Endpoint endpoint,
            List<RegisteredUser> users,
            ObjectMapper mapper,
            LoadSocket.Listener listener,
            int concurrency,
            long helloTimeoutMillis,
            String label) {
        int count = users.size();
        Report.phase("opening " + count + " " + label + ", " + concurrency + " at a time");
        List<LoadSocket> sockets = BoundedConcurrency.run(
                        count,
                        concurrency,
                        i -> LoadSocket.connect(
                                vertx,
                                client,
                                endpoint,
                                users.get(i).accessToken(),
                                mapper,
                                listener,
                                helloTimeoutMillis),
                        done -> Report.progress(label + " open", done, count))
                .await();
        long mismatched = 0;
        for (int i = 0; i < count; i++) {
            if (!users.get(i).id().equals(sockets.get(i).userId())) {
                mismatched++;
            }
        }
        if (mismatched > 0) {
            Report.warn(mismatched + " " + label + " were greeted with another userId than the one registered");
        }
        return sockets;
    }
}
