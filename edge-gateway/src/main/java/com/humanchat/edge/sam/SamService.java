package com.humanchat.edge.sam;

import com.humanchat.edge.chat.ConversationService;
import com.humanchat.edge.chat.MessageSender;
import com.humanchat.edge.http.Rejections;
import com.humanchat.edge.kafka.CommandPublisher;
import com.humanchat.schemas.SystemActors;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.chat.ConversationType;
import com.humanchat.schemas.sam.SamRequested;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A question for Sam: the caller's Sam conversation (the direct one with {@link SystemActors#SAM}) is opened if
 * needed, the question is sent into it through the ordinary send path, then {@code sam.requested} goes to the worker.
 * A retry with the same {@code clientMessageId} is the same request (same message, same answer).
 */
public final class SamService {

    /** The request Sam will answer in that conversation. */
    public record Asked(UUID requestId, UUID conversationId) {}

    private final ConversationService conversations;
    private final MessageSender sender;
    private final CommandPublisher publisher;

    public SamService(ConversationService conversations, MessageSender sender, CommandPublisher publisher) {
        this.conversations = conversations;
        this.sender = sender;
        this.publisher = publisher;
    }

    /**
     * @param conversationId the conversation the client believes is its Sam conversation, null when it does not know;
     *     any other conversation fails with 404 (existence is not revealed)
     * @param clientMessageId makes a retried question idempotent; null for a fresh request
     */
    public Future<Asked> ask(UUID caller, String message, UUID conversationId, String clientMessageId) {
        UUID requestId = clientMessageId == null
                ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes(("sam:" + caller + ":" + clientMessageId).getBytes(StandardCharsets.UTF_8));
        return conversations.directConversationId(caller, SystemActors.SAM).compose(samConversation -> {
            if (conversationId != null && !conversationId.equals(samConversation)) {
                return Future.failedFuture(Rejections.unknownConversation());
            }
            SamRequested request = SamRequested.of(requestId, samConversation, caller, message);
            return conversations
                    .create(caller, List.of(SystemActors.SAM), ConversationType.DIRECT)
                    .compose(opened -> sender.send(caller, samConversation, request.askClientMessageId(), message))
                    .compose(sent -> publisher.publish(Topics.SAM_REQUESTS, samConversation.toString(), request))
                    .map(acked -> new Asked(requestId, samConversation));
        });
    }
}
