package com.humanchat.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.humanchat.loadgen.ConversationPlan.Conversation;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConversationPlanTest {

    @Test
    void oneConversationPerUserIsTheClassicPairing() {
        ConversationPlan plan = ConversationPlan.build(6, 1, 0, 5);

        assertThat(plan.conversations()).hasSize(3);
        for (int p = 0; p < 3; p++) {
            assertThat(plan.conversations().get(p).members()).containsExactly(2 * p, 2 * p + 1);
            assertThat(plan.conversations().get(p).group()).isFalse();
        }
        assertThat(plan.directCount()).isEqualTo(3);
        assertThat(plan.groupCount()).isZero();
        assertThat(ConversationPlan.pairs(6).conversations())
                .usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(plan.conversations());
    }

    @Test
    void spreadsSendsRoundRobinOverPairsAndAlternatesDirection() {
        ConversationPlan plan = ConversationPlan.pairs(6);

        assertThat(plan.conversationOf(0)).isZero();
        assertThat(plan.senderOf(0)).isEqualTo(0);
        assertThat(plan.senderOf(1)).isEqualTo(2);
        assertThat(plan.senderOf(2)).isEqualTo(4);
        assertThat(plan.conversationOf(3)).isZero();
        assertThat(plan.senderOf(3)).isEqualTo(1);
        assertThat(plan.senderOf(5)).isEqualTo(5);
        assertThat(plan.senderOf(6)).isEqualTo(0);
    }

    @Test
    void everyUserIsInExactlyNDirectConversationsWithDistinctOthers() {
        for (int perUser : new int[] {2, 3, 4, 7, 10}) {
            ConversationPlan plan = ConversationPlan.build(40, perUser, 0, 5);

            assertThat(plan.directCount()).isEqualTo(40L * perUser / 2);
            assertThat(plan.groupCount()).isZero();
            assertShape(plan, 40, perUser);
        }
    }

    @Test
    void anOddUserCountWorksWhenEachUserHasAnEvenNumberOfDirectConversations() {
        ConversationPlan plan = ConversationPlan.build(7, 6, 0, 5);

        assertThat(plan.directCount()).as("everyone with everyone").isEqualTo(21);
        assertShape(plan, 7, 6);
    }

    @Test
    void groupsTakeTheirShareOfEachUsersConversationsAndHaveTheirSize() {
        ConversationPlan plan = ConversationPlan.build(100, 10, 0.2, 5);

        assertThat(plan.groupSlots()).isEqualTo(4);
        assertThat(plan.directSlots()).isEqualTo(6);
        assertThat(plan.directCount()).isEqualTo(300);
        assertThat(plan.groupCount()).isEqualTo(80);
        assertThat(plan.conversations().stream().filter(Conversation::group))
                .allSatisfy(group -> assertThat(group.members()).hasSize(5).doesNotHaveDuplicates());
        assertThat(plan.conversations().stream().filter(c -> !c.group()))
                .allSatisfy(direct -> assertThat(direct.members()).hasSize(2));
        assertShape(plan, 100, 10);
    }

    @Test
    void theGroupShareIsSolvedOverMembershipsAndClamped() {
        assertThat(ConversationPlan.groupSlots(10, 0, 5)).isZero();
        assertThat(ConversationPlan.groupSlots(10, 1, 5)).isEqualTo(10);
        assertThat(ConversationPlan.groupSlots(10, 0.2, 5))
                .as("10 * 5 * 0.2 / (1.6 + 1) = 3.85")
                .isEqualTo(4);
        assertThat(ConversationPlan.groupSlots(1, 0.2, 5))
                .as("rounds to no group")
                .isZero();

        ConversationPlan allGroups = ConversationPlan.build(30, 4, 1, 3);
        assertThat(allGroups.directCount()).isZero();
        assertThat(allGroups.groupCount()).isEqualTo(40);
        assertShape(allGroups, 30, 4);
    }

    @Test
    void theSameShapeAlwaysGivesTheSamePlan() {
        List<Conversation> first = ConversationPlan.build(60, 9, 0.5, 4).conversations();
        List<Conversation> second = ConversationPlan.build(60, 9, 0.5, 4).conversations();

        assertThat(second).hasSameSizeAs(first);
        for (int c = 0; c < first.size(); c++) {
            assertThat(second.get(c).members()).containsExactly(first.get(c).members());
            assertThat(second.get(c).group()).isEqualTo(first.get(c).group());
        }
    }

    @Test
    void everyMemberSendsInTurnAndEveryUserSendsEquallyOverWholeRounds() {
        ConversationPlan plan = ConversationPlan.build(20, 5, 0.5, 4);
        int conversations = plan.conversations().size();
        Conversation group = plan.conversations().stream()
                .filter(Conversation::group)
                .findFirst()
                .orElseThrow();
        int g = plan.conversations().indexOf(group);
        for (int turn = 0; turn < 8; turn++) {
            assertThat(plan.senderOf(g + (long) turn * conversations)).isEqualTo(group.members()[turn % 4]);
        }

        Map<Integer, Integer> sent = new HashMap<>();
        for (long k = 0; k < (long) conversations * 4; k++) {
            int sender = plan.senderOf(k);
            assertThat(plan.conversations().get(plan.conversationOf(k)).members())
                    .contains(sender);
            sent.merge(sender, 1, Integer::sum);
        }
        // Over 4 rounds each direct member sends twice per conversation, each group member once: 2 * 2 + 3 * 1.
        assertThat(plan.directSlots()).isEqualTo(2);
        assertThat(plan.groupSlots()).isEqualTo(3);
        assertThat(sent).hasSize(20).allSatisfy((user, count) -> assertThat(count)
                .isEqualTo(7));
    }

    @Test
    void impossibleShapesAreNamedForTheCommandLine() {
        assertThat(ConversationPlan.problems(7, 1, 0, 5))
                .containsExactly("--users must be even when each user has an odd number of direct conversations"
                        + " (1 here; users 2i and 2i+1 are paired), got 7");
        assertThat(ConversationPlan.problems(10, 10, 0, 5))
                .containsExactly("10 direct conversations per user with distinct users need --users > 10, got 10");
        assertThat(ConversationPlan.problems(12, 10, 0, 5)).isEmpty();
        assertThat(ConversationPlan.problems(102, 10, 0.2, 5))
                .containsExactly("--users must be a multiple of --group-size 5 when there are groups (4 per user),"
                        + " got 102");
        assertThat(ConversationPlan.problems(102, 1, 0.2, 5))
                .as("the share rounds to no group")
                .isEmpty();
        assertThatThrownBy(() -> ConversationPlan.build(7, 1, 0, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Each user in exactly {@code perUser} conversations, none with itself, no direct pair twice. */
    private static void assertShape(ConversationPlan plan, int users, int perUser) {
        Map<Integer, Integer> memberships = new HashMap<>();
        Set<Set<Integer>> directPairs = new HashSet<>();
        for (Conversation conversation : plan.conversations()) {
            int[] members = conversation.members();
            assertThat(members).doesNotHaveDuplicates();
            assertThat(Arrays.stream(members)).allSatisfy(m -> assertThat(m).isBetween(0, users - 1));
            Arrays.stream(members).forEach(m -> memberships.merge(m, 1, Integer::sum));
            if (!conversation.group()) {
                assertThat(directPairs.add(Set.of(members[0], members[1])))
                        .as("pair %s comes once", Arrays.toString(members))
                        .isTrue();
            }
        }
        assertThat(memberships.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, users).boxed().toList());
        assertThat(memberships)
                .allSatisfy((user, count) ->
                        assertThat(count).as("conversations of user %d", user).isEqualTo(perUser));
    }
}
