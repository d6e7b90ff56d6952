package com.humanchat.edge.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.CommandRejected;
import com.humanchat.schemas.chat.ConversationCreated;
import com.humanchat.schemas.chat.ConversationType;
import com.humanchat.schemas.chat.MessageKind;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.RejectionCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class PendingRepliesTest {

    private static final Vertx VERTX = Vertx.vertx();
    private static final UUID CONVERSATION = UUID.randomUUID();
    private static final UUID SENDER = UUID.randomUUID();

    private final PendingReplies replies = new PendingReplies(VERTX);

    @AfterAll
    static void close() {
        VERTX.close();
    }

    private static MessageSent sent(UUID commandId, String clientMessageId) {
        return new MessageSent(
                UUID.randomUUID(),
                1,
                Instant.now(),
                CONVERSATION,
                commandId,
                UUID.randomUUID(),
                1,
                SENDER,
                clientMessageId,
                "hi",
                MessageKind.TEXT,
                List.of(),
                List.of(SENDER));
    }

    private <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    /** Registers on an event-loop context, as a route handler would. */
    private static <T> T onContext(java.util.function.Supplier<T> action) throws Exception {
        java.util.concurrent.CompletableFuture<T> done = new java.util.concurrent.CompletableFuture<>();
        VERTX.getOrCreateContext().runOnContext(v -> done.complete(action.get()));
        return done.get(5, TimeUnit.SECONDS);
    }

    private PendingReplies.Waiter awaitSend(UUID commandId, String clientMessageId, Duration wait) throws Exception {
        return onContext(
                () -> replies.awaitSend(commandId, new PendingReplies.ClientKey(CONVERSATION, SENDER, clientMessageId))
                        .expireAfter(wait));
    }

    @Test
    void answersTheWaiterOfTheCommand() throws Exception {
        UUID command = UUID.randomUUID();
        PendingReplies.Waiter waiter = awaitSend(command, "a", Duration.ofSeconds(5));
        MessageSent event = sent(command, "a");
        replies.onEvent(event);
        assertThat(await(waiter.answer())).contains(event);
        assertThat(replies.size()).isZero();
    }

    @Test
    void aRetryIsAnsweredByTheOriginalEventCarryingAnotherCommandId() throws Exception {
        PendingReplies.Waiter retry = awaitSend(UUID.randomUUID(), "same", Duration.ofSeconds(5));
        MessageSent original = sent(UUID.randomUUID(), "same");
        replies.onEvent(original);
        assertThat(await(retry.answer())).contains(original);
    }

    @Test
    void aRejectionAnswersOnlyItsCommand() throws Exception {
        UUID command = UUID.randomUUID();
        PendingReplies.Waiter waiter = awaitSend(command, "r", Duration.ofSeconds(5));
        PendingReplies.Waiter other = awaitSend(UUID.randomUUID(), "r", Duration.ofMillis(50));
        CommandRejected rejected = new CommandRejected(
                UUID.randomUUID(),
                1,
                Instant.now(),
                CONVERSATION,
                command,
                "message.send",
                SENDER,
                "r",
                RejectionCode.NOT_A_MEMBER,
                "not a member");
        replies.onEvent(rejected);
        assertThat(await(waiter.answer())).contains(rejected);
        assertThat(await(other.answer())).isEmpty();
    }

    @Test
    void aWaitWithoutAnswerEndsEmptyAndIsForgotten() throws Exception {
        PendingReplies.Waiter waiter = awaitSend(UUID.randomUUID(), "slow", Duration.ofMillis(30));
        assertThat(await(waiter.answer())).isEqualTo(Optional.<ChatEvent>empty());
        assertThat(replies.size()).isZero();
    }

    @Test
    void aCreationIsAnsweredByTheCreatedEventOfAnyRacingCommand() throws Exception {
        UUID conversation = UUID.randomUUID();
        PendingReplies.Waiter waiter = onContext(
                () -> replies.awaitCreation(UUID.randomUUID(), conversation).expireAfter(Duration.ofSeconds(5)));
        ConversationCreated created = new ConversationCreated(
                UUID.randomUUID(),
                1,
                Instant.now(),
                conversation,
                UUID.randomUUID(),
                SENDER,
                ConversationType.DIRECT,
                List.of(SENDER, UUID.randomUUID()));
        replies.onEvent(created);
        assertThat(await(waiter.answer())).contains(created);
    }

    @Test
    void aCommandThatWasNeverProducedIsNoLongerWaitedFor() throws Exception {
        PendingReplies.Waiter waiter = awaitSend(UUID.randomUUID(), "lost", Duration.ofSeconds(5));
        IllegalStateException brokerDown = new IllegalStateException("no broker");

        Future<Optional<ChatEvent>> answer = waiter.answerAfter(Future.failedFuture(brokerDown));

        assertThat(catchThrowable(() -> await(answer))).hasRootCause(brokerDown);
        assertThat(replies.size()).isZero();
    }
}
