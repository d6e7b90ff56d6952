package com.humanchat.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.schemas.chat.Attachment;
import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.CommandRejected;
import com.humanchat.schemas.chat.ConversationType;
import com.humanchat.schemas.chat.CreateConversation;
import com.humanchat.schemas.chat.DeleteMessage;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.RejectionCode;
import com.humanchat.schemas.chat.SendMessage;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A message may carry the files the edge stored: carried as sent, caption optional, re-sent unchanged on a retry. */
class ConversationDeciderAttachmentsTest {

    private final UUID conversationId = UUID.randomUUID();
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private ConversationFixture conversation;

    @BeforeEach
    void directConversation() {
        conversation = new ConversationFixture();
        conversation.handle(CreateConversation.of(conversationId, alice, ConversationType.DIRECT, List.of(alice, bob)));
    }

    private static Attachment image() {
        return new Attachment(UUID.randomUUID(), "beach.jpg", "image/jpeg", 5_000_000, 4000, 3000, true);
    }

    private static Attachment pdf() {
        return new Attachment(UUID.randomUUID(), "invoice.pdf", "application/pdf", 48_000, null, null, false);
    }

    @Test
    void aMessageWithoutCaptionCarriesItsAttachmentsInOrder() {
        List<Attachment> files = List.of(image(), pdf());

        ChatEvent event = conversation.handle(SendMessage.of(conversationId, alice, "c-1", "", files, null, List.of()));

        assertThat(event).isInstanceOfSatisfying(MessageSent.class, sent -> {
            assertThat(sent.attachments()).containsExactlyElementsOf(files);
            assertThat(sent.content()).isEmpty();
            assertThat(sent.seq()).isEqualTo(1);
        });
    }

    @Test
    void aReplyCarriesItsAttachmentsAndTheMessageItQuotes() {
        conversation.handle(SendMessage.of(conversationId, alice, "c-1", "where was this?"));
        List<Attachment> files = List.of(image());

        ChatEvent event = conversation.handle(SendMessage.of(conversationId, bob, "c-2", "here", files, 1L, List.of()));

        assertThat(event).isInstanceOfSatisfying(MessageSent.class, sent -> {
            assertThat(sent.attachments()).containsExactlyElementsOf(files);
            assertThat(sent.replyToSeq()).isEqualTo(1L);
            assertThat(sent.seq()).isEqualTo(2);
        });
    }

    @Test
    void aRetriedSendGetsTheOriginalAttachmentsBack() {
        List<Attachment> files = List.of(pdf());
        MessageSent original = (MessageSent)
                conversation.handle(SendMessage.of(conversationId, alice, "c-1", "", files, null, List.of()));

        ChatEvent retried = conversation.handle(
                SendMessage.of(conversationId, alice, "c-1", "", List.of(image()), null, List.of()));

        assertThat(retried).isInstanceOfSatisfying(MessageSent.class, again -> {
            assertThat(again.seq()).isEqualTo(original.seq());
            assertThat(again.attachments()).containsExactlyElementsOf(files);
        });
    }

    @Test
    void aBlankMessageWithoutAttachmentsTooManyOrRepeatedAttachmentsAreRejected() {
        Attachment once = pdf();
        List<SendMessage> invalid = List.of(
                SendMessage.of(conversationId, alice, "c-1", "  ", List.of(), null, List.of()),
                SendMessage.of(
                        conversationId,
                        alice,
                        "c-2",
                        "many",
                        IntStream.rangeClosed(0, Attachment.MAX_PER_MESSAGE)
                                .mapToObj(i -> pdf())
                                .toList(),
                        null,
                        List.of()),
                SendMessage.of(conversationId, alice, "c-3", "twice", List.of(once, once), null, List.of()),
                SendMessage.of(
                        conversationId,
                        alice,
                        "c-4",
                        "nameless",
                        List.of(new Attachment(UUID.randomUUID(), " ", "application/pdf", 10, null, null, false)),
                        null,
                        List.of()));

        for (SendMessage command : invalid) {
            assertThat(conversation.handle(command))
                    .isInstanceOfSatisfying(
                            CommandRejected.class, r -> assertThat(r.code()).isEqualTo(RejectionCode.INVALID));
        }
        assertThat(conversation.state.nextSeq()).isEqualTo(1);
    }

    @Test
    void aDeletedMessageLosesItsAttachmentsInTheDedupeWindow() {
        conversation.handle(SendMessage.of(conversationId, alice, "c-1", "look", List.of(image()), null, List.of()));
        conversation.handle(DeleteMessage.of(conversationId, alice, 1));

        ChatEvent retried = conversation.handle(
                SendMessage.of(conversationId, alice, "c-1", "look", List.of(image()), null, List.of()));

        assertThat(retried).isInstanceOfSatisfying(MessageSent.class, again -> assertThat(again.attachments())
                .isEmpty());
    }
}
