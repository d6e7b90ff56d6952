package com.humanchat.loadgen;

import com.humanchat.loadgen.ApiClient.ApiException;
import com.humanchat.loadgen.ApiClient.RegisteredUser;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Registers a run's users with bounded concurrency (Argon2id makes each registration slow on the server); emails
 * carry the run id, so runs never collide with each other or with real users. Users 2p and 2p+1 form pair p.
 */
final class UserPool {

    /** Long and mixed enough for any reasonable password policy. */
    static final String PASSWORD = "Loadgen-Passw0rd-2026!";

    private UserPool() {}

    /** A new run's id: random, so that its users' emails are its own. */
    static String newRunId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    static String email(String runId, int index) {
        return "loadgen-" + runId + "-" + index + "@loadgen.example.com";
    }

    /** Blocks until all {@code count} users are registered; any failure (after the client's retries) throws. */
    static List<RegisteredUser> register(ApiClient api, String runId, int count, int concurrency) {
        Report.phase("registering " + count + " users, " + concurrency + " at a time (Argon2id is slow by design)");
        long started = System.nanoTime();
        List<RegisteredUser> users;
        try {
            users = BoundedConcurrency.run(
                            count,
                            concurrency,
                            i -> api.register(email(runId, i), PASSWORD, "Load " + runId + " " + i),
                            done -> Report.progress("registered", done, count))
                    .await();
        } catch (ApiException e) {
            throw e.status() == 429 ? new IllegalStateException(ApiClient.AUTH_RATE_LIMIT_HINT, e) : e;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Report.phase(
                String.format(Locale.ROOT, "registered %d users in %.1f s (%.1f/s)", count, seconds, count / seconds));
        return users;
    }

    /** Opens the direct conversation of every pair (2p creates it with 2p+1); element p is pair p's id. */
    static List<String> openDirectConversations(ApiClient api, List<RegisteredUser> users, int concurrency) {
        int pairs = users.size() / 2;
        Report.phase("opening " + pairs + " direct conversations");
        return BoundedConcurrency.run(
                        pairs,
                        concurrency,
                        p -> api.openDirectConversation(
                                users.get(2 * p).accessToken(),
                                users.get(2 * p + 1).id()),
                        done -> Report.progress("conversations", done, pairs))
                .await();
    }
}
