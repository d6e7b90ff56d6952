package com.humanchat.edge.chat;

import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.Rejections;
import com.humanchat.edge.kafka.CommandPublisher;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.chat.Attachment;
import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.CommandRejected;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.SendMessage;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one send path of REST and WebSocket: produce {@code message.send} keyed by conversation, then wait (bounded)
 * for the topology's answer on this replica's fan-out consumer. The topology is the authority on membership, and the
 * only judge of a send: a sender the projection knows is not a member is not short-cut, so that they get the same 404
 * after the same round trip as for a conversation that does not exist — neither the answer nor its timing tells
 * whether it exists.
 */
public final class MessageSender {

    private final CommandPublisher publisher;
    private final PendingReplies replies;
    private final Duration sendWait;
    private final ChatMetrics metrics;
    private final MessageAttachments attachments;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean refusing;

    public MessageSender(
            CommandPublisher publisher,
            PendingReplies replies,
            Duration sendWait,
            ChatMetrics metrics,
            MessageAttachments attachments) {
        this.publisher = publisher;
        this.replies = replies;
        this.sendWait = sendWait;
        this.metrics = metrics;
        this.attachments = attachments;
    }

    private static Future<SendOutcome> outcome(ChatEvent answer, String clientMessageId) {
        return switch (answer) {
            case MessageSent sent -> Future.succeededFuture(new SendOutcome.Accepted(sent));
            case CommandRejected rejected -> Future.failedFuture(Rejections.toProblem(rejected));
            case null, default -> Future.succeededFuture(new SendOutcome.Pending(clientMessageId));
        };
    }

    /**
     * Sends on the caller's context. Fails with a {@link ProblemException}: 404 unknown conversation (also when the
     * sender is not a member), 400 invalid, 503 Kafka did not acknowledge.
     */
    public Future<SendOutcome> send(UUID senderId, UUID conversationId, String clientMessageId, String content) {
        return send(senderId, conversationId, clientMessageId, content, List.of(), null, List.of());
    }

    /**
     * A client's message, the same for REST and the socket: its attachment ids are resolved first (a 4xx problem for
     * one that is not a completed upload of the sender to this conversation), then it is sent as {@link #send(UUID,
     * UUID, String, String)} says; 404 unknown message when the message it replies to does not exist.
     */
    public Future<SendOutcome> send(UUID senderId, UUID conversationId, MessageDraft draft) {
        return attachments
                .forMessage(senderId, conversationId, draft.attachmentIds())
                .compose(carried -> send(
                        senderId,
                        conversationId,
                        draft.clientMessageId(),
                        draft.content(),
                        carried,
                        draft.replyToSeq(),
                        draft.mentionedUserIds()));
    }

    private Future<SendOutcome> send(
            UUID senderId,
            UUID conversationId,
            String clientMessageId,
            String content,
            List<Attachment> attachments,
            Long replyToSeq,
            List<UUID> mentionedUserIds) {
        if (refusing) {
            return Future.failedFuture(ProblemException.unavailable("this edge is restarting; send again", 1));
        }
        inFlight.incrementAndGet();
        SendMessage command = SendMessage.of(
                conversationId, senderId, clientMessageId, content, attachments, replyToSeq, mentionedUserIds);
        PendingReplies.Waiter waiter = replies.awaitSend(
                        command.eventId(), new PendingReplies.ClientKey(conversationId, senderId, clientMessageId))
                .expireAfter(sendWait);
        return waiter.answerAfter(publisher.publish(Topics.CHAT_COMMANDS, conversationId.toString(), command))
                .compose(answer -> outcome(answer.orElse(null), clientMessageId))
                .andThen(result -> {
                    inFlight.decrementAndGet();
                    if (result.succeeded()) {
                        if (result.result() instanceof SendOutcome.Accepted) {
                            metrics.sendAccepted();
                        } else {
                            metrics.sendPending();
                        }
                    } else if (result.cause() instanceof ProblemException problem && problem.status() < 500) {
                        metrics.sendRejected();
                    }
                });
    }

    /** Graceful stop: from now on every new send fails with 503 (nothing was produced); any thread. */
    public void refuseNewSends() {
        refusing = true;
    }

    /** Sends accepted and not answered yet (their command may be on its way to Kafka). */
    public int inFlight() {
        return inFlight.get();
    }
}
