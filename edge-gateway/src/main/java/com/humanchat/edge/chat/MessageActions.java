package com.humanchat.edge.chat;

import com.humanchat.edge.http.Rejections;
import com.humanchat.edge.kafka.CommandPublisher;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.chat.ChatCommand;
import com.humanchat.schemas.chat.CommandRejected;
import com.humanchat.schemas.chat.DeleteMessage;
import com.humanchat.schemas.chat.EditMessage;
import com.humanchat.schemas.chat.MessageDeleted;
import com.humanchat.schemas.chat.MessageEdited;
import com.humanchat.schemas.chat.MessageReacted;
import com.humanchat.schemas.chat.ReactToMessage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;

/**
 * Edits, deletes and reactions: produce the command keyed by conversation and wait (bounded) for the topology's
 * answer. Like a send, nothing is short-cut here: the topology judges membership and authorship, so a non-member gets
 * the same 404 after the same round trip whether or not the conversation or the message exists.
 */
public final class MessageActions {

    /** What the caller gets: 200 with the frame the others receive, or 202 when the topology did not answer in time. */
    public record Outcome(int status, JsonObject body) {}

    private final CommandPublisher publisher;
    private final PendingReplies replies;
    private final Duration wait;

    public MessageActions(CommandPublisher publisher, PendingReplies replies, Duration wait) {
        this.publisher = publisher;
        this.replies = replies;
        this.wait = wait;
    }

    public Future<Outcome> edit(UUID caller, UUID conversationId, long seq, String content) {
        return decide(EditMessage.of(conversationId, caller, seq, content));
    }

    public Future<Outcome> delete(UUID caller, UUID conversationId, long seq) {
        return decide(DeleteMessage.of(conversationId, caller, seq));
    }

    public Future<Outcome> react(UUID caller, UUID conversationId, long seq, String emoji, boolean active) {
        return decide(ReactToMessage.of(conversationId, caller, seq, emoji, active));
    }

    private Future<Outcome> decide(ChatCommand command) {
        PendingReplies.Waiter waiter = replies.awaitCommand(command.eventId()).expireAfter(wait);
        return waiter.answerAfter(publisher.publish(
                        Topics.CHAT_COMMANDS, command.conversationId().toString(), command))
                .compose(answer -> switch (answer.orElse(null)) {
                    case MessageEdited edited -> Future.succeededFuture(new Outcome(200, ChatJson.editedFrame(edited)));
                    case MessageDeleted deleted ->
                        Future.succeededFuture(new Outcome(200, ChatJson.deletedFrame(deleted)));
                    case MessageReacted reacted ->
                        Future.succeededFuture(new Outcome(200, ChatJson.reactedFrame(reacted)));
                    case CommandRejected rejected -> Future.failedFuture(Rejections.toProblem(rejected));
                    case null, default ->
                        Future.succeededFuture(new Outcome(
                                202,
                                new JsonObject()
                                        .put("commandId", command.eventId().toString())
                                        .put("status", "pending")));
                });
    }
}
