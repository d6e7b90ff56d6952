package com.humanchat.loadgen;

import com.humanchat.loadgen.ApiClient.ApiException;
import com.humanchat.loadgen.ApiClient.RegisteredUser;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Registers a run's users with bounded concurrency (Argon2id makes each registration slow on the server), and
 * opens the conversations of a {@link ConversationPlan}; emails carry the run id, so runs never collide with each
 * other or with real users.
 */
final class UserPool {

    /** Long and mixed enough for any reasonable password policy. */
    static final String PASSWORD = "Loadgen-Passw0rd-2026!";

    private UserPool() {}

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

    /** Opens every conversation of the plan, each by its first member; element c is conversation c's id. */
    static List<String> openConversations(
            ApiClient api, List<RegisteredUser> users, ConversationPlan plan, int concurrency) {
        List<ConversationPlan.Conversation> conversations = plan.conversations();
        int count = conversations.size();
        Report.phase("opening " + plan.directCount() + " direct conversations and " + plan.groupCount() + " groups");
        return BoundedConcurrency.run(
                        count,
                        concurrency,
                        c -> {
                            int[] members = conversations.get(c).members();
                            List<String> others = Arrays.stream(members, 1, members.length)
                                    .mapToObj(m -> users.get(m).id())
                                    .toList();
                            return api.openConversation(
                                    users.get(members[0]).accessToken(),
                                    others,
                                    conversations.get(c).group());
                        },
                        done -> Report.progress("conversations", done, count))
                .await();
    }
}
