package com.humanchat.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnreadLedgerTest {

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final List<UUID> both = List.of(alice, bob);

    private UnreadLedger created() {
        return UnreadLedger.empty().onConversationCreated(both).ledger();
    }

    @Test
    void newConversationHasNothingUnreadAndPublishesNothing() {
        UnreadLedger.Outcome outcome = UnreadLedger.empty().onConversationCreated(both);

        assertThat(outcome.updates()).isEmpty();
        assertThat(outcome.ledger().unreadOf(alice)).isZero();
        assertThat(outcome.ledger().unreadOf(bob)).isZero();
    }

    @Test
    void messageIsUnreadForTheRecipientButNotTheSender() {
        UnreadLedger.Outcome outcome = created().onMessageSent(1, alice, both);

        assertThat(outcome.ledger().unreadOf(bob)).isEqualTo(1);
        assertThat(outcome.ledger().unreadOf(alice)).isZero();
        assertThat(outcome.updates())
                .as("only the recipient's count changed")
                .containsExactly(new MemberUnread(bob, new UnreadPosition(1, 0)));
    }

    @Test
    void sendingMovesTheSendersReadPositionPastWhatTheyHadUnread() {
        UnreadLedger ledger = created().onMessageSent(1, alice, both).ledger();
        ledger = ledger.onMessageSent(2, alice, both).ledger();

        UnreadLedger.Outcome reply = ledger.onMessageSent(3, bob, both);

        assertThat(reply.ledger().unreadOf(bob)).isZero();
        assertThat(reply.ledger().unreadOf(alice)).isEqualTo(1);
        assertThat(reply.updates())
                .containsExactlyInAnyOrder(
                        new MemberUnread(alice, new UnreadPosition(3, 2)),
                        new MemberUnread(bob, new UnreadPosition(3, 3)));
    }

    @Test
    void readBringsTheCountToZero() {
        UnreadLedger ledger = created().onMessageSent(1, alice, both).ledger();

        UnreadLedger.Outcome read = ledger.onReadAdvanced(bob, 1);

        assertThat(read.ledger().unreadOf(bob)).isZero();
        assertThat(read.updates()).containsExactly(new MemberUnread(bob, new UnreadPosition(1, 1)));
    }

    @Test
    void readIsClampedToTheLastSeq() {
        UnreadLedger ledger = created().onMessageSent(1, alice, both).ledger();

        UnreadLedger.Outcome read = ledger.onReadAdvanced(bob, 40);

        assertThat(read.ledger().lastReadSeqs()).containsEntry(bob, 1L);
        assertThat(read.ledger().onMessageSent(2, alice, both).ledger().unreadOf(bob))
                .isEqualTo(1);
    }

    @Test
    void readNeverMovesBackAndOnlyRestatesTheValue() {
        UnreadLedger ledger = created();
        for (long seq = 1; seq <= 3; seq++) {
            ledger = ledger.onMessageSent(seq, alice, both).ledger();
        }
        ledger = ledger.onReadAdvanced(bob, 2).ledger();

        UnreadLedger.Outcome back = ledger.onReadAdvanced(bob, 1);

        assertThat(back.ledger()).isEqualTo(ledger);
        assertThat(back.updates()).containsExactly(new MemberUnread(bob, new UnreadPosition(3, 2)));
    }

    @Test
    void duplicateMessageChangesNothing() {
        UnreadLedger ledger = created().onMessageSent(1, alice, both).ledger();
        ledger = ledger.onMessageSent(2, alice, both).ledger();

        UnreadLedger.Outcome duplicate = ledger.onMessageSent(1, alice, both);

        assertThat(duplicate.ledger()).isEqualTo(ledger);
        assertThat(duplicate.updates())
                .as("current values re-stated, none changed")
                .containsExactlyInAnyOrder(
                        new MemberUnread(alice, new UnreadPosition(2, 2)),
                        new MemberUnread(bob, new UnreadPosition(2, 0)));
    }

    @Test
    void learnsParticipantsFromMessagesOfAnUnknownConversation() {
        UnreadLedger.Outcome outcome = UnreadLedger.empty().onMessageSent(1, alice, both);

        assertThat(outcome.ledger().unreadOf(bob)).isEqualTo(1);
        assertThat(outcome.updates()).extracting(MemberUnread::userId).containsExactlyInAnyOrder(alice, bob);
    }
}
