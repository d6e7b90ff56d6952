package com.humanchat.edge.chat;

import com.humanchat.edge.http.KeysetCursor;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemType;
import com.humanchat.edge.http.ProjectionWait;
import com.humanchat.edge.http.Rejections;
import com.humanchat.edge.kafka.CommandPublisher;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.chat.CommandRejected;
import com.humanchat.schemas.chat.ConversationCreated;
import com.humanchat.schemas.chat.ConversationType;
import com.humanchat.schemas.chat.CreateConversation;
import com.humanchat.schemas.chat.MarkRead;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Conversations and their history for one caller: creation goes through the conversation topology (Kafka is the
 * source of truth), reads come from the projection and are limited to members.
 */
public final class ConversationService {

    /** At most this many participants in a conversation, the caller included (DESIGN: groups cap at 50). */
    public static final int MAX_PARTICIPANTS = 50;

    /** How a creation ended. */
    public sealed interface CreateOutcome {
        /** The conversation exists; {@code created} is false when it already existed (a direct one, idempotent). */
        record Done(JsonObject conversation, boolean created) implements CreateOutcome {}

        /** Kafka acknowledged the creation but the topology did not answer within the wait. */
        record Pending(UUID conversationId) implements CreateOutcome {
            public JsonObject body() {
                return new JsonObject()
                        .put("conversationId", conversationId.toString())
                        .put("status", "pending");
            }
        }
    }

    /** One page of the caller's conversations and the keyset position after its last item. */
    public record ConversationPage(List<JsonObject> items, KeysetCursor next) {}

    private final Vertx vertx;
    private final ChatReadModel readModel;
    private final Membership membership;
    private final CommandPublisher publisher;
    private final PendingReplies replies;
    private final Duration wait;

    public ConversationService(
            Vertx vertx,
            ChatReadModel readModel,
            Membership membership,
            CommandPublisher publisher,
            PendingReplies replies,
            Duration wait) {
        this.vertx = vertx;
        this.readModel = readModel;
        this.membership = membership;
        this.publisher = publisher;
        this.replies = replies;
        this.wait = wait;
    }

    /**
     * The id of the one direct conversation of a pair, the same whoever asks first: random (nobody can compute it
     * from the pair), found through the lookup of claimed pairs. The conversation itself may not exist yet.
     */
    public Future<UUID> directConversationId(UUID a, UUID b) {
        return readModel.claimDirectConversation(a, b, UUID.randomUUID());
    }

    /**
     * Opens a conversation between the caller and {@code participantIds}. Without a type, one other participant
     * means direct, more mean group. A direct conversation of an existing pair is returned as it is.
     */
    public Future<CreateOutcome> create(UUID caller, List<UUID> participantIds, ConversationType requestedType) {
        Set<UUID> others = new LinkedHashSet<>(participantIds);
        others.remove(caller);
        if (others.isEmpty()) {
            return Future.failedFuture(Rejections.unprocessable(
                    "a conversation needs at least one participant besides you",
                    List.of(new ProblemException.FieldError("/participantIds", "names no one but the caller"))));
        }
        ConversationType type = requestedType != null
                ? requestedType
                : others.size() == 1 ? ConversationType.DIRECT : ConversationType.GROUP;
        if (type == ConversationType.DIRECT && others.size() != 1) {
            return Future.failedFuture(Rejections.unprocessable(
                    "a direct conversation has exactly one other participant",
                    List.of(new ProblemException.FieldError("/participantIds", "must name exactly one other user"))));
        }
        if (others.size() + 1 > MAX_PARTICIPANTS) {
            return Future.failedFuture(Rejections.unprocessable(
                    "a conversation has at most " + MAX_PARTICIPANTS + " participants",
                    List.of(new ProblemException.FieldError("/participantIds", "too many participants"))));
        }
        List<UUID> everyone = new ArrayList<>(others);
        everyone.add(caller);
        everyone.sort(null);
        return readModel.displayNames(everyone).compose(names -> {
            List<ProblemException.FieldError> unknown = others.stream()
                    .filter(id -> !names.containsKey(id))
                    .map(id -> new ProblemException.FieldError("/participantIds", "no user " + id))
                    .toList();
            if (!unknown.isEmpty()) {
                return Future.failedFuture(Rejections.unprocessable("some participants do not exist", unknown));
            }
            if (type == ConversationType.DIRECT) {
                return directConversationId(caller, others.iterator().next()).compose(id -> readModel
                        .conversation(id, caller)
                        .compose(existing -> existing != null
                                ? Future.succeededFuture(new CreateOutcome.Done(existing, false))
                                : reachable(caller, others)
                                        .compose(v -> produceCreation(id, caller, type, everyone, names))));
            }
            return reachable(caller, others)
                    .compose(v -> produceCreation(UUID.randomUUID(), caller, type, everyone, names));
        });
    }

    /**
     * A managed host is reached through their manager: only the manager opens a new conversation with them; anyone
     * else asks with {@code POST /api/requests}, whose approval opens the direct conversation.
     */
    private Future<Void> reachable(UUID caller, Set<UUID> others) {
        return readModel.managers(others).compose(managers -> {
            boolean managedElsewhere =
                    managers.entrySet().stream().anyMatch(e -> !e.getValue().equals(caller));
            return managedElsewhere
                    ? Future.failedFuture(ProblemType.MANAGED_HOST.with(
                            "This host is reached through their representative: Request an introduction"
                                    + " (POST /api/requests) and they will open the conversation"))
                    : Future.succeededFuture();
        });
    }

    private Future<CreateOutcome> produceCreation(
            UUID id, UUID caller, ConversationType type, List<UUID> everyone, Map<UUID, String> names) {
        CreateConversation command = CreateConversation.of(id, caller, type, everyone);
        PendingReplies.Waiter waiter =
                replies.awaitCreation(command.eventId(), id).expireAfter(wait);
        return waiter.answerAfter(publisher.publish(Topics.CHAT_COMMANDS, id.toString(), command))
                .compose(answer -> {
                    if (answer.isEmpty()) {
                        return Future.succeededFuture(new CreateOutcome.Pending(id));
                    }
                    return switch (answer.get()) {
                        case ConversationCreated created -> {
                            boolean byThisCall = created.commandId().equals(command.eventId());
                            JsonObject fallback = ChatJson.newConversation(
                                    id,
                                    created.conversationType().wire(),
                                    created.participantIds(),
                                    names,
                                    created.occurredAt());
                            yield ProjectionWait.until(
                                            vertx, () -> readModel.conversation(id, caller), Objects::nonNull, wait)
                                    .map(projected -> new CreateOutcome.Done(
                                            projected != null ? projected : fallback, byThisCall));
                        }
                        case CommandRejected rejected -> Future.failedFuture(Rejections.toProblem(rejected));
                        default -> Future.succeededFuture(new CreateOutcome.Pending(id));
                    };
                });
    }

    /** One conversation of the caller; 404 when it is unknown or the caller is not a member. */
    public Future<JsonObject> conversation(UUID conversationId, UUID caller) {
        return readModel
                .conversation(conversationId, caller)
                .compose(found -> found == null
                        ? Future.failedFuture(Rejections.unknownConversation())
                        : Future.succeededFuture(found));
    }

    /** The caller's conversations, newest activity first. */
    public Future<ConversationPage> list(UUID caller, KeysetCursor after, OffsetDateTime updatedSince, int limit) {
        return readModel
                .conversations(caller, KeysetCursor.timeOf(after), KeysetCursor.idOf(after), updatedSince, limit + 1)
                .map(rows -> {
                    if (rows.size() <= limit) {
                        return new ConversationPage(rows, null);
                    }
                    List<JsonObject> page = rows.subList(0, limit);
                    return new ConversationPage(
                            page, KeysetCursor.after(page.get(limit - 1), "lastActivity", "conversationId"));
                });
    }

    /** Messages of a conversation the caller belongs to; 404 otherwise (existence is not revealed). */
    public Future<List<JsonObject>> history(UUID conversationId, UUID caller, Long before, Long after, int limit) {
        return requireMember(conversationId, caller)
                .compose(v -> readModel.messages(conversationId, before, after, limit));
    }

    /**
     * Moves the caller's read position, with a receipt for the others unless the caller turned read receipts off;
     * completes once Kafka acknowledged the command.
     */
    public Future<Void> markRead(UUID caller, UUID conversationId, long seq) {
        return requireMember(conversationId, caller)
                .compose(v -> readModel.sendsReadReceipts(caller))
                .compose(receipt -> publisher.publish(
                        Topics.CHAT_COMMANDS,
                        conversationId.toString(),
                        MarkRead.of(conversationId, caller, seq, receipt)))
                .mapEmpty();
    }

    private Future<Void> requireMember(UUID conversationId, UUID caller) {
        return membership
                .of(conversationId, caller)
                .compose(status -> status == Membership.Status.MEMBER
                        ? Future.succeededFuture()
                        : Future.failedFuture(Rejections.unknownConversation()));
    }
}
