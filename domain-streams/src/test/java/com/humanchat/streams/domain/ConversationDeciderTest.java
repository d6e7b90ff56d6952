package com.humanchat.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.CommandRejected;
import com.humanchat.schemas.chat.ConversationCreated;
import com.humanchat.schemas.chat.ConversationType;
import com.humanchat.schemas.chat.CreateConversation;
import com.humanchat.schemas.chat.DeleteMessage;
import com.humanchat.schemas.chat.EditMessage;
import com.humanchat.schemas.chat.MarkRead;
import com.humanchat.schemas.chat.MessageDeleted;
import com.humanchat.schemas.chat.MessageEdited;
import com.humanchat.schemas.chat.MessageKind;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.ReadAdvanced;
import com.humanchat.schemas.chat.RejectionCode;
import com.humanchat.schemas.chat.SendMessage;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConversationDeciderTest {

    private final UUID conversationId = UUID.randomUUID();
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID mallory = UUID.randomUUID();
    private ConversationFixture conversation;

    @BeforeEach
    void setUp() {
        conversation = new ConversationFixture();
    }

    private void createDirect() {
        conversation.handle(CreateConversation.of(conversationId, alice, ConversationType.DIRECT, List.of(alice, bob)));
    }

    private MessageSent send(UUID sender, String clientMessageId) {
        return (MessageSent) conversation.handle(SendMessage.of(conversationId, sender, clientMessageId, "hello"));
    }

    private CommandRejected rejected(ChatEvent event, RejectionCode code) {
        assertThat(event).isInstanceOf(CommandRejected.class);
        CommandRejected rejection = (CommandRejected) event;
        assertThat(rejection.code()).isEqualTo(code);
        return rejection;
    }

    @Nested
    class Create {

        @Test
        void createsConversationWithItsParticipantsAndCreator() {
            CreateConversation create =
                    CreateConversation.of(conversationId, alice, ConversationType.GROUP, List.of(alice, bob, mallory));

            ChatEvent event = conversation.handle(create);

            assertThat(event).isInstanceOfSatisfying(ConversationCreated.class, created -> {
                assertThat(created.eventId()).isEqualTo(DeterministicIds.eventId(create.eventId()));
                assertThat(created.commandId()).isEqualTo(create.eventId());
                assertThat(created.createdBy()).isEqualTo(alice);
                assertThat(created.conversationType()).isEqualTo(ConversationType.GROUP);
                assertThat(created.participantIds()).containsExactly(alice, bob, mallory);
                assertThat(created.occurredAt()).isEqualTo(conversation.clock);
            });
            assertThat(conversation.state.nextSeq()).isEqualTo(1);
            assertThat(conversation.state.lastSeq()).isZero();
        }

        @Test
        void retriedCreateReemitsTheStoredCreatedEvent() {
            CreateConversation first =
                    CreateConversation.of(conversationId, alice, ConversationType.DIRECT, List.of(alice, bob));
            ConversationCreated original = (ConversationCreated) conversation.handle(first);
            CreateConversation retry =
                    CreateConversation.of(conversationId, bob, ConversationType.DIRECT, List.of(bob, alice));

            ConversationCreated again = (ConversationCreated) conversation.handle(retry);

            assertThat(again.eventId()).isEqualTo(original.eventId());
            assertThat(again.occurredAt()).isEqualTo(original.occurredAt());
            assertThat(again.createdBy()).isEqualTo(alice);
            assertThat(again.participantIds()).containsExactly(alice, bob);
            assertThat(again.commandId())
                    .as("answers the retry, so its caller can correlate")
                    .isEqualTo(retry.eventId());
            assertThat(conversation.handle(first)).as("the same command again").isEqualTo(original);
        }

        @Test
        void rejectsCreateOfAnExistingConversationByAnOutsider() {
            createDirect();

            ChatEvent event = conversation.handle(
                    CreateConversation.of(conversationId, mallory, ConversationType.DIRECT, List.of(mallory, alice)));

            rejected(event, RejectionCode.CONVERSATION_EXISTS);
        }

        @Test
        void rejectsInvalidParticipantLists() {
            List<List<UUID>> invalid = List.of(
                    List.of(alice),
                    List.of(bob, mallory),
                    List.of(alice, bob, bob),
                    IntStream.range(0, 51)
                            .mapToObj(i -> i == 0 ? alice : UUID.randomUUID())
                            .toList());
            for (List<UUID> participants : invalid) {
                ChatEvent event = new ConversationFixture()
                        .handle(CreateConversation.of(conversationId, alice, ConversationType.GROUP, participants));
                rejected(event, RejectionCode.INVALID);
            }
        }

        @Test
        void rejectsDirectConversationOfThree() {
            ChatEvent event = conversation.handle(CreateConversation.of(
                    conversationId, alice, ConversationType.DIRECT, List.of(alice, bob, mallory)));

            rejected(event, RejectionCode.INVALID);
            assertThat(conversation.state).isNull();
        }
    }

    @Nested
    class Send {

        @BeforeEach
        void created() {
            createDirect();
        }

        @Test
        void rejectsMessageToUnknownConversation() {
            ChatEvent event = new ConversationFixture().handle(SendMessage.of(UUID.randomUUID(), alice, "c-1", "hi"));

            rejected(event, RejectionCode.UNKNOWN_CONVERSATION);
        }

        @Test
        void rejectsMessageFromNonMember() {
            SendMessage command = SendMessage.of(conversationId, mallory, "c-1", "hi");

            CommandRejected rejection = rejected(conversation.handle(command), RejectionCode.NOT_A_MEMBER);

            assertThat(rejection.commandId()).isEqualTo(command.eventId());
            assertThat(rejection.eventId()).isEqualTo(DeterministicIds.eventId(command.eventId()));
            assertThat(rejection.actorId()).isEqualTo(mallory);
            assertThat(rejection.commandType()).isEqualTo("message.send");
            assertThat(rejection.clientMessageId()).isEqualTo("c-1");
            assertThat(rejection.occurredAt()).isEqualTo(conversation.clock);
            assertThat(conversation.state.nextSeq()).isEqualTo(1);
        }

        @Test
        void rejectsBlankOversizeOrUnstorableContentAndClientMessageId() {
            String oversize = "é".repeat(ConversationDecider.MAX_CONTENT_CODE_POINTS + 1);
            List<SendMessage> invalid = List.of(
                    SendMessage.of(conversationId, alice, "c-1", "   "),
                    SendMessage.of(conversationId, alice, "c-2", null),
                    SendMessage.of(conversationId, alice, "c-3", oversize),
                    SendMessage.of(conversationId, alice, "c-4", "nul \u0000 inside"),
                    SendMessage.of(conversationId, alice, " ", "hi"),
                    SendMessage.of(conversationId, alice, "x".repeat(129), "hi"));
            for (SendMessage command : invalid) {
                rejected(conversation.handle(command), RejectionCode.INVALID);
            }
            assertThat(conversation.state.nextSeq()).isEqualTo(1);
        }

        @Test
        void leavesAnInvalidClientMessageIdOutOfTheRejection() {
            CommandRejected rejection = rejected(
                    conversation.handle(SendMessage.of(conversationId, alice, "x".repeat(129), "hi")),
                    RejectionCode.INVALID);

            assertThat(rejection.clientMessageId()).isNull();
        }

        @Test
        void rejectsMoreThanTwentyActionsOrActionsWithoutType() {
            JsonNodeFactory json = JsonNodeFactory.instance;
            List<JsonNode> tooMany = Collections.nCopies(21, json.objectNode().put("type", "book"));
            List<JsonNode> untyped = List.of(json.objectNode().put("label", "x"));

            for (List<JsonNode> actions : List.of(tooMany, untyped)) {
                SendMessage command = new SendMessage(
                        UUID.randomUUID(),
                        1,
                        Instant.now(),
                        conversationId,
                        alice,
                        UUID.randomUUID().toString(),
                        "hi",
                        MessageKind.SAM,
                        actions);
                rejected(conversation.handle(command), RejectionCode.INVALID);
            }
        }

        @Test
        void acceptsContentOfExactlyTheLimitCountedInCodePoints() {
            String emoji = "\uD83D\uDE00".repeat(ConversationDecider.MAX_CONTENT_CODE_POINTS);

            ChatEvent event = conversation.handle(SendMessage.of(conversationId, alice, "c-1", emoji));

            assertThat(event).isInstanceOf(MessageSent.class);
        }

        @Test
        void assignsContiguousSeqFromOne() {
            List<Long> seqs = LongStream.rangeClosed(1, 100)
                    .mapToObj(i -> send(i % 2 == 0 ? alice : bob, "c-" + i).seq())
                    .toList();

            assertThat(seqs).isEqualTo(LongStream.rangeClosed(1, 100).boxed().toList());
            assertThat(conversation.state.nextSeq()).isEqualTo(101);
        }

        @Test
        void emitsMessageWithDeterministicIdsAndParticipants() {
            SendMessage command = SendMessage.of(conversationId, alice, "c-1", "hello");

            MessageSent sent = (MessageSent) conversation.handle(command);

            assertThat(sent.messageId()).isEqualTo(DeterministicIds.messageId(command.eventId()));
            assertThat(sent.eventId()).isEqualTo(DeterministicIds.eventId(command.eventId()));
            assertThat(sent.commandId()).isEqualTo(command.eventId());
            assertThat(sent.occurredAt()).isEqualTo(conversation.clock);
            assertThat(sent.participantIds()).containsExactly(alice, bob);
            assertThat(sent.senderId()).isEqualTo(alice);
            assertThat(sent.clientMessageId()).isEqualTo("c-1");
            assertThat(sent.content()).isEqualTo("hello");
        }

        @Test
        void duplicateSendReemitsTheOriginal() {
            MessageSent original = send(alice, "c-1");
            send(bob, "c-2");
            SendMessage retry = SendMessage.of(conversationId, alice, "c-1", "hello, edited in the retry");

            MessageSent again = (MessageSent) conversation.handle(retry);

            assertThat(again.seq()).isEqualTo(original.seq());
            assertThat(again.messageId()).isEqualTo(original.messageId());
            assertThat(again.eventId()).isEqualTo(original.eventId());
            assertThat(again.content()).isEqualTo("hello");
            assertThat(again.occurredAt()).isEqualTo(original.occurredAt());
            assertThat(again.commandId()).isEqualTo(retry.eventId());
            assertThat(conversation.state.nextSeq()).as("no seq taken").isEqualTo(3);
        }

        @Test
        void sameCommandProcessedAgainYieldsTheIdenticalEvent() {
            SendMessage command = SendMessage.of(conversationId, alice, "c-1", "hello");
            ChatEvent original = conversation.handle(command);

            assertThat(conversation.handle(command)).isEqualTo(original);
        }

        @Test
        void sameClientMessageIdOfAnotherSenderIsAnotherMessage() {
            MessageSent fromAlice = send(alice, "c-1");
            MessageSent fromBob = send(bob, "c-1");

            assertThat(fromBob.seq()).isEqualTo(fromAlice.seq() + 1);
        }

        @Test
        void movesTheSendersReadPositionToTheirMessage() {
            send(bob, "c-1");
            send(bob, "c-2");
            MessageSent own = send(alice, "c-3");

            assertThat(conversation.state.readPositionOf(alice).lastReadSeq()).isEqualTo(own.seq());
            assertThat(conversation.state.readPositionOf(bob).lastReadSeq()).isEqualTo(2);
        }

        @Test
        void ignoresADedupeEntryAtOrAboveNextSeqLeftByACrash() {
            SendMessage command = SendMessage.of(conversationId, alice, "c-1", "hello");
            ConversationState before = conversation.state;
            MessageSent original = (MessageSent) conversation.handle(command);
            conversation.state = before; // the state write was lost, the message and dedupe entries were not

            MessageSent again = (MessageSent) conversation.handle(command);

            assertThat(again).isEqualTo(original);
            assertThat(conversation.state.nextSeq()).isEqualTo(2);
        }

        @Test
        void sendsAgainAfterTheDedupeEntryExpired() {
            MessageSent first = send(alice, "c-1");
            conversation.forgetRecent(first.seq());

            MessageSent second = send(alice, "c-1");

            assertThat(second.seq()).isEqualTo(first.seq() + 1);
        }
    }

    @Nested
    class EditAndDelete {

        private MessageSent fromAlice;

        @BeforeEach
        void created() {
            createDirect();
            fromAlice = send(alice, "c-1");
        }

        @Test
        void authorEditsTheirMessage() {
            EditMessage edit = EditMessage.of(conversationId, alice, fromAlice.seq(), "hello again");

            ChatEvent event = conversation.handle(edit);

            assertThat(event).isInstanceOfSatisfying(MessageEdited.class, edited -> {
                assertThat(edited.seq()).isEqualTo(fromAlice.seq());
                assertThat(edited.content()).isEqualTo("hello again");
                assertThat(edited.editorId()).isEqualTo(alice);
                assertThat(edited.participantIds()).containsExactly(alice, bob);
                assertThat(edited.eventId()).isEqualTo(DeterministicIds.eventId(edit.eventId()));
            });
        }

        @Test
        void rejectsEditByNonAuthor() {
            rejected(
                    conversation.handle(EditMessage.of(conversationId, bob, fromAlice.seq(), "not mine")),
                    RejectionCode.NOT_THE_AUTHOR);
        }

        @Test
        void rejectsEditByNonMember() {
            rejected(
                    conversation.handle(EditMessage.of(conversationId, mallory, fromAlice.seq(), "x")),
                    RejectionCode.NOT_A_MEMBER);
        }

        @Test
        void rejectsEditOfUnknownSeqOrOutsideTheWindow() {
            rejected(conversation.handle(EditMessage.of(conversationId, alice, 7, "x")), RejectionCode.UNKNOWN_MESSAGE);
            conversation.forgetRecent(fromAlice.seq());
            rejected(
                    conversation.handle(EditMessage.of(conversationId, alice, fromAlice.seq(), "x")),
                    RejectionCode.UNKNOWN_MESSAGE);
        }

        @Test
        void rejectsEditWithBlankContent() {
            rejected(
                    conversation.handle(EditMessage.of(conversationId, alice, fromAlice.seq(), " ")),
                    RejectionCode.INVALID);
        }

        @Test
        void authorDeletesTheirMessageAndItsContentIsGone() {
            ChatEvent event = conversation.handle(DeleteMessage.of(conversationId, alice, fromAlice.seq()));

            assertThat(event).isInstanceOfSatisfying(MessageDeleted.class, deleted -> {
                assertThat(deleted.seq()).isEqualTo(fromAlice.seq());
                assertThat(deleted.deletedBy()).isEqualTo(alice);
                assertThat(deleted.participantIds()).containsExactly(alice, bob);
            });
            RecentMessage stored = conversation.recent.get(fromAlice.seq());
            assertThat(stored.deleted()).isTrue();
            assertThat(stored.sent().content()).isEmpty();
            assertThat(stored.sent().messageId()).isEqualTo(fromAlice.messageId());
        }

        @Test
        void deletingTwiceAnswersWithADeletionAgain() {
            conversation.handle(DeleteMessage.of(conversationId, alice, fromAlice.seq()));

            assertThat(conversation.handle(DeleteMessage.of(conversationId, alice, fromAlice.seq())))
                    .isInstanceOf(MessageDeleted.class);
        }

        @Test
        void rejectsDeleteByNonAuthorAndEditOfDeletedMessage() {
            rejected(
                    conversation.handle(DeleteMessage.of(conversationId, bob, fromAlice.seq())),
                    RejectionCode.NOT_THE_AUTHOR);
            conversation.handle(DeleteMessage.of(conversationId, alice, fromAlice.seq()));
            rejected(
                    conversation.handle(EditMessage.of(conversationId, alice, fromAlice.seq(), "back")),
                    RejectionCode.UNKNOWN_MESSAGE);
        }

        @Test
        void retriedSendOfADeletedMessageReemitsItWithoutContent() {
            conversation.handle(DeleteMessage.of(conversationId, alice, fromAlice.seq()));

            MessageSent again = send(alice, "c-1");

            assertThat(again.seq()).isEqualTo(fromAlice.seq());
            assertThat(again.eventId()).isEqualTo(fromAlice.eventId());
            assertThat(again.content()).isEmpty();
        }
    }

    @Nested
    class Read {

        @BeforeEach
        void created() {
            createDirect();
            send(alice, "c-1");
            send(alice, "c-2");
            send(alice, "c-3");
        }

        @Test
        void advancesTheReadPosition() {
            MarkRead read = MarkRead.of(conversationId, bob, 2);

            ChatEvent event = conversation.handle(read);

            assertThat(event).isInstanceOfSatisfying(ReadAdvanced.class, advanced -> {
                assertThat(advanced.userId()).isEqualTo(bob);
                assertThat(advanced.lastReadSeq()).isEqualTo(2);
                assertThat(advanced.commandId()).isEqualTo(read.eventId());
                assertThat(advanced.eventId()).isEqualTo(DeterministicIds.eventId(read.eventId()));
            });
            assertThat(conversation.state.readPositionOf(bob).lastReadSeq()).isEqualTo(2);
        }

        @Test
        void clampsTheReadPositionToTheLastSeq() {
            ReadAdvanced advanced = (ReadAdvanced) conversation.handle(MarkRead.of(conversationId, bob, 99));

            assertThat(advanced.lastReadSeq()).isEqualTo(3);
        }

        @Test
        void neverMovesTheReadPositionBack() {
            conversation.handle(MarkRead.of(conversationId, bob, 3));

            assertThat(conversation.handle(MarkRead.of(conversationId, bob, 1))).isNull();
            assertThat(conversation.handle(MarkRead.of(conversationId, bob, 3))).isNull();
            assertThat(conversation.handle(MarkRead.of(conversationId, bob, -5)))
                    .isNull();
            assertThat(conversation.state.readPositionOf(bob).lastReadSeq()).isEqualTo(3);
        }

        @Test
        void emitsNothingWhenTheSenderReadsTheirOwnMessages() {
            assertThat(conversation.handle(MarkRead.of(conversationId, alice, 3)))
                    .isNull();
        }

        @Test
        void sameReadCommandProcessedAgainReemitsItsEvent() {
            MarkRead read = MarkRead.of(conversationId, bob, 99);
            ChatEvent original = conversation.handle(read);
            send(alice, "c-4");

            assertThat(conversation.handle(read)).isEqualTo(original);
            assertThat(conversation.state.readPositionOf(bob).lastReadSeq()).isEqualTo(3);
        }

        @Test
        void rejectsReadByNonMemberOrOfUnknownConversation() {
            rejected(conversation.handle(MarkRead.of(conversationId, mallory, 1)), RejectionCode.NOT_A_MEMBER);
            rejected(
                    new ConversationFixture().handle(MarkRead.of(conversationId, bob, 1)),
                    RejectionCode.UNKNOWN_CONVERSATION);
        }
    }

    @Test
    void commandsWithoutTheIdsARejectionNeedsAreUnanswerable() {
        Instant now = Instant.now();
        assertThat(ConversationDecider.unanswerable(new MarkRead(UUID.randomUUID(), 1, now, conversationId, alice, 1)))
                .isEmpty();
        assertThat(ConversationDecider.unanswerable(new MarkRead(null, 1, now, conversationId, alice, 1)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("eventId"));
        assertThat(ConversationDecider.unanswerable(new MarkRead(UUID.randomUUID(), 1, now, null, alice, 1)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("conversationId"));
        assertThat(ConversationDecider.unanswerable(new MarkRead(UUID.randomUUID(), 1, now, conversationId, null, 1)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("actorId"));
        assertThat(ConversationDecider.unanswerable(new MarkRead(UUID.randomUUID(), 2, now, conversationId, alice, 1)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("version"));
    }
}
