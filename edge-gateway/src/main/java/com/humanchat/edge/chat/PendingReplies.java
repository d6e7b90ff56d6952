package com.humanchat.edge.chat;

import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.CommandRejected;
import com.humanchat.schemas.chat.ConversationCreated;
import com.humanchat.schemas.chat.MessageSent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Callers waiting for the conversation topology's answer to a command they produced, matched when the answer
 * shows up on this replica's fan-out consumer. A waiter is registered before its command is produced, so an
 * answer can never arrive unseen. Sends also match by {@code (conversationId, senderId, clientMessageId)}: a
 * retry whose original was already accepted gets the original {@code message.sent} re-emitted with the
 * <em>original</em> commandId. Creations match by conversation id, so that a racing create of the same direct
 * conversation (from any replica) answers every caller. Thread-safe; waiters complete on their caller's context.
 */
public final class PendingReplies {

    /** Identifies one logical send across retries. */
    public record ClientKey(UUID conversationId, UUID senderId, String clientMessageId) {}

    private final Vertx vertx;
    private final ConcurrentHashMap<UUID, Waiter> byCommand = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ClientKey, Set<Waiter>> byClientKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, Set<Waiter>> byCreatedConversation = new ConcurrentHashMap<>();

    public PendingReplies(Vertx vertx) {
        this.vertx = vertx;
    }

    /** One caller's wait; {@link #answer()} completes with the event, or empty when the wait timed out. */
    public final class Waiter {
        private final UUID commandId;
        private final ClientKey clientKey;
        private final UUID createdConversation;
        private final Context context;
        private final Promise<Optional<ChatEvent>> promise;
        private final AtomicBoolean done = new AtomicBoolean();

        private Waiter(UUID commandId, ClientKey clientKey, UUID createdConversation, Context context) {
            this.commandId = commandId;
            this.clientKey = clientKey;
            this.createdConversation = createdConversation;
            this.context = context;
            this.promise = Promise.promise();
        }

        public Future<Optional<ChatEvent>> answer() {
            return promise.future();
        }

        /** Gives up after {@code wait}: the answer becomes empty. */
        public Waiter expireAfter(Duration wait) {
            context.runOnContext(v -> {
                long timer = vertx.setTimer(Math.max(1, wait.toMillis()), id -> finish(null));
                promise.future().onComplete(r -> vertx.cancelTimer(timer));
            });
            return this;
        }

        /**
         * The answer, once {@code produced} (the command's send to Kafka) succeeded. If it failed, the command was
         * never produced: the wait is withdrawn and the answer fails with the producer's error.
         */
        public Future<Optional<ChatEvent>> answerAfter(Future<?> produced) {
            return produced.recover(error -> {
                        cancel(error);
                        return Future.failedFuture(error);
                    })
                    .compose(acked -> answer());
        }

        private void cancel(Throwable cause) {
            if (done.compareAndSet(false, true)) {
                unregister();
                context.runOnContext(v -> promise.tryFail(cause));
            }
        }

        private void finish(ChatEvent event) {
            if (done.compareAndSet(false, true)) {
                unregister();
                context.runOnContext(v -> promise.tryComplete(Optional.ofNullable(event)));
            }
        }

        private void unregister() {
            byCommand.remove(commandId, this);
            if (clientKey != null) {
                removeFrom(byClientKey, clientKey, this);
            }
            if (createdConversation != null) {
                removeFrom(byCreatedConversation, createdConversation, this);
            }
        }
    }

    /** Waits for the answer to a {@code message.send}. Call on the caller's context, before producing. */
    public Waiter awaitSend(UUID commandId, ClientKey clientKey) {
        Waiter waiter = new Waiter(commandId, clientKey, null, vertx.getOrCreateContext());
        byCommand.put(commandId, waiter);
        addTo(byClientKey, clientKey, waiter);
        return waiter;
    }

    /** Waits for the answer to a {@code conversation.create}. Call on the caller's context, before producing. */
    public Waiter awaitCreation(UUID commandId, UUID conversationId) {
        Waiter waiter = new Waiter(commandId, null, conversationId, vertx.getOrCreateContext());
        byCommand.put(commandId, waiter);
        addTo(byCreatedConversation, conversationId, waiter);
        return waiter;
    }

    /** Waits for the answer to any other command (edit, delete, react). Call on the caller's context, before producing. */
    public Waiter awaitCommand(UUID commandId) {
        Waiter waiter = new Waiter(commandId, null, null, vertx.getOrCreateContext());
        byCommand.put(commandId, waiter);
        return waiter;
    }

    /** Completes the waiters an event answers; called on the fan-out thread for every chat event. */
    public void onEvent(ChatEvent event) {
        switch (event) {
            case MessageSent sent -> {
                complete(byCommand.get(sent.commandId()), event);
                Set<Waiter> retries =
                        byClientKey.get(new ClientKey(sent.conversationId(), sent.senderId(), sent.clientMessageId()));
                if (retries != null) {
                    retries.forEach(w -> w.finish(event));
                }
            }
            case ConversationCreated created -> {
                complete(byCommand.get(created.commandId()), event);
                Set<Waiter> racing = byCreatedConversation.get(created.conversationId());
                if (racing != null) {
                    racing.forEach(w -> w.finish(event));
                }
            }
            case CommandRejected rejected -> complete(byCommand.get(rejected.commandId()), event);
            default -> complete(byCommand.get(event.commandId()), event);
        }
    }

    /**
     * Graceful stop: every waiter gives up now, as if its wait had expired (a send whose command Kafka acknowledged
     * answers 202 pending instead of waiting out {@code HUMANCHAT_SEND_WAIT_MS}).
     */
    public void expireAll() {
        byCommand.values().forEach(waiter -> waiter.finish(null));
    }

    /** Waiters still registered (for tests and leak checks). */
    public int size() {
        return byCommand.size();
    }

    private static void complete(Waiter waiter, ChatEvent event) {
        if (waiter != null) {
            waiter.finish(event);
        }
    }

    private static <K> void addTo(ConcurrentHashMap<K, Set<Waiter>> map, K key, Waiter waiter) {
        map.compute(key, (k, set) -> {
            Set<Waiter> waiters = set == null ? ConcurrentHashMap.newKeySet() : set;
            waiters.add(waiter);
            return waiters;
        });
    }

    private static <K> void removeFrom(ConcurrentHashMap<K, Set<Waiter>> map, K key, Waiter waiter) {
        map.computeIfPresent(key, (k, set) -> {
            set.remove(waiter);
            return set.isEmpty() ? null : set;
        });
    }
}
