package com.humanchat.loadgen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Who talks with whom in chat mode: every user is in exactly {@code perUser} conversations, {@link #directSlots()}
 * direct ones with distinct other users and {@link #groupSlots()} groups of {@link #groupSize()}; send {@code k} goes
 * to conversation {@code k mod C}, from the member whose turn it is.
 *
 * <p>Deterministic, so two runs of one shape talk alike. Direct conversations: with an odd number D of them per
 * user, users 2i and 2i+1 are paired first (conversation p is users 2p and 2p+1, which with one conversation per
 * user is the whole plan); then for each offset s, user i talks with user i+s mod users, over the offsets 1..D/2 when
 * D is even and 2..(D+1)/2 when it is odd. Every offset stays below half the users, so no pair comes twice and nobody
 * talks with themselves. Groups come in layers, one per group slot: layer m deals the users, shuffled by
 * {@code new Random(m)}, into groups of {@code groupSize} in order. A conversation's first member opens it and sends
 * first; turn t of a conversation is its member {@code t mod size}'s, so every member sends equally often, and every
 * user sends {@code rate / users} messages per second.
 */
final class ConversationPlan {

    /** The smallest group worth the name; a group of two would be a direct conversation. */
    static final int MIN_GROUP_SIZE = 3;

    /** The platform's limit on a conversation's participants. */
    static final int MAX_GROUP_SIZE = 50;

    /** A conversation's members as user indexes; {@code members[0]} opens it. */
    record Conversation(int[] members, boolean group) {

        /** Everyone who should receive a member's message. */
        int recipients() {
            return members.length - 1;
        }
    }

    private final int users;
    private final int directSlots;
    private final int groupSlots;
    private final int groupSize;
    private final List<Conversation> conversations;
    private final long directCount;

    private ConversationPlan(int users, int directSlots, int groupSlots, int groupSize, List<Conversation> list) {
        this.users = users;
        this.directSlots = directSlots;
        this.groupSlots = groupSlots;
        this.groupSize = groupSize;
        this.conversations = List.copyOf(list);
        this.directCount = list.stream().filter(c -> !c.group()).count();
    }

    /** Chat mode's classic shape, which typing mode also uses: pair p is users 2p and 2p+1, one direct conversation. */
    static ConversationPlan pairs(int users) {
        return build(users, 1, 0, MIN_GROUP_SIZE);
    }

    /**
     * How many of a user's {@code perUser} conversations are groups so that about {@code groupShare} of all
     * conversations are: a group holds {@code groupSize} memberships and a direct conversation two, so with g group
     * slots per user the share is {@code (g/size) / ((perUser-g)/2 + g/size)}; g is that solved and rounded.
     */
    static int groupSlots(int perUser, double groupShare, int groupSize) {
        double slots = perUser * groupSize * groupShare / (2 * (1 - groupShare) + groupSize * groupShare);
        return (int) Math.min(perUser, Math.round(slots));
    }

    /** What makes the shape impossible, phrased for the command line; empty when {@link #build} will succeed. */
    static List<String> problems(int users, int perUser, double groupShare, int groupSize) {
        List<String> problems = new ArrayList<>();
        int groupSlots = groupSlots(perUser, groupShare, groupSize);
        int directSlots = perUser - groupSlots;
        if (directSlots % 2 == 1 && users % 2 == 1) {
            problems.add(String.format(
                    Locale.ROOT,
                    "--users must be even when each user has an odd number of direct conversations (%d here;"
                            + " users 2i and 2i+1 are paired), got %d",
                    directSlots,
                    users));
        }
        int widestOffset = widestOffset(directSlots);
        if (2L * widestOffset >= users) {
            problems.add(String.format(
                    Locale.ROOT,
                    "%d direct conversations per user with distinct users need --users > %d, got %d",
                    directSlots,
                    2 * widestOffset,
                    users));
        }
        if (groupSlots > 0 && users % groupSize != 0) {
            problems.add(String.format(
                    Locale.ROOT,
                    "--users must be a multiple of --group-size %d when there are groups (%d per user), got %d",
                    groupSize,
                    groupSlots,
                    users));
        }
        return problems;
    }

    /** The plan of this shape; throws if {@link #problems} names any. */
    static ConversationPlan build(int users, int perUser, double groupShare, int groupSize) {
        List<String> problems = problems(users, perUser, groupShare, groupSize);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        int groupSlots = groupSlots(perUser, groupShare, groupSize);
        int directSlots = perUser - groupSlots;
        List<Conversation> list = new ArrayList<>();
        int firstOffset = 1;
        if (directSlots % 2 == 1) {
            for (int p = 0; p < users / 2; p++) {
                list.add(new Conversation(new int[] {2 * p, 2 * p + 1}, false));
            }
            firstOffset = 2;
        }
        for (int offset = firstOffset; offset <= widestOffset(directSlots); offset++) {
            for (int user = 0; user < users; user++) {
                list.add(new Conversation(new int[] {user, (user + offset) % users}, false));
            }
        }
        for (int layer = 0; layer < groupSlots; layer++) {
            List<Integer> dealt =
                    new ArrayList<>(IntStream.range(0, users).boxed().toList());
            Collections.shuffle(dealt, new Random(layer));
            for (int from = 0; from < users; from += groupSize) {
                int[] members = dealt.subList(from, from + groupSize).stream()
                        .mapToInt(Integer::intValue)
                        .toArray();
                list.add(new Conversation(members, true));
            }
        }
        return new ConversationPlan(users, directSlots, groupSlots, groupSize, list);
    }

    /** The largest offset i → i+s the direct conversations use: D/2 for an even D, (D+1)/2 for an odd one. */
    private static int widestOffset(int directSlots) {
        return directSlots <= 1 ? 0 : (directSlots + 1) / 2;
    }

    int users() {
        return users;
    }

    int directSlots() {
        return directSlots;
    }

    int groupSlots() {
        return groupSlots;
    }

    int groupSize() {
        return groupSize;
    }

    List<Conversation> conversations() {
        return conversations;
    }

    long directCount() {
        return directCount;
    }

    long groupCount() {
        return conversations.size() - directCount;
    }

    /** The conversation of send {@code k}: round-robin over all of them. */
    int conversationOf(long k) {
        return (int) (k % conversations.size());
    }

    /** The user who sends message {@code k}: the member whose turn it is in that conversation. */
    int senderOf(long k) {
        int[] members = conversations.get(conversationOf(k)).members();
        return members[(int) ((k / conversations.size()) % members.length)];
    }
}
