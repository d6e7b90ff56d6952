package com.humanchat.streams.domain;

import com.humanchat.schemas.SystemActors;
import com.humanchat.schemas.chat.ChatCommand;
import com.humanchat.schemas.chat.ConversationType;
import com.humanchat.schemas.chat.CreateConversation;
import com.humanchat.schemas.chat.MessageKind;
import com.humanchat.schemas.chat.RejectionCode;
import com.humanchat.schemas.chat.SendMessage;
import com.humanchat.schemas.requests.CreateRequest;
import com.humanchat.schemas.sessions.RequestSession;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What a block and a host's inbound policy refuse, decided before the conversation, request and session deciders.
 *
 * <p>A blocked user cannot open a conversation with the blocker, write into a direct conversation with them, ask
 * them for a session or send them (or their manager) a managed request; they get {@code not_accepting}, the same
 * neutral answer a stranger gets from a host who takes first contact through a request only, so a refusal does not say
 * "you were blocked". Nothing is remembered: once the block is lifted, the same command is accepted. System and Sam
 * messages (session notices, Sam's replies) are not the blocked user speaking and pass; reading, editing and deleting
 * one's own messages stay allowed, so the conversation stays readable on both sides.
 */
public final class SafetyRules {

    /** The one answer a blocked user (or a stranger of a request-first host) gets, whatever they tried. */
    public static final String NOT_ACCEPTING = "they are not accepting this from you";

    private SafetyRules() {}

    /** The refusal of a chat command, if a block or an inbound policy forbids it. */
    public static Optional<Decision> refuse(
            ChatCommand command, Instant at, ConversationState state, SafetySettings settings) {
        if (isSystem(command.actorId())) {
            return Optional.empty();
        }
        return switch (command) {
            case CreateConversation create when state == null -> refuseCreation(create, at, settings);
            case SendMessage send
            when state != null
                    && state.type() == ConversationType.DIRECT
                    && send.messageType() == MessageKind.TEXT
                    && state.hasMember(send.actorId())
                    && blockedByAnother(send.actorId(), state.participants(), settings) ->
                Optional.of(ConversationDecider.reject(command, at, RejectionCode.NOT_ACCEPTING, NOT_ACCEPTING));
            default -> Optional.empty();
        };
    }

    private static Optional<Decision> refuseCreation(CreateConversation create, Instant at, SafetySettings settings) {
        List<UUID> participants = create.participantIds() == null ? List.of() : create.participantIds();
        boolean refused = blockedByAnother(create.actorId(), participants, settings)
                || (create.conversationType() == ConversationType.DIRECT
                        && others(create.actorId(), participants).anyMatch(host -> settings.inbound(host)
                                .filter(policy -> policy.requestFirst())
                                .isPresent()));
        return refused
                ? Optional.of(ConversationDecider.reject(create, at, RejectionCode.NOT_ACCEPTING, NOT_ACCEPTING))
                : Optional.empty();
    }

    /**
     * The host whose daily inbound cap a new direct conversation must pass first, if any: the other participant of a
     * stranger's (not the platform's, not Sam's) direct conversation that does not exist yet, when that participant set
     * a cap. Such a create is decided by the host's {@link InboundLedger} before the conversation is created.
     */
    public static Optional<UUID> cappedHost(ChatCommand command, ConversationState state, SafetySettings settings) {
        if (!(command instanceof CreateConversation create)
                || state != null
                || isSystem(create.actorId())
                || create.conversationType() != ConversationType.DIRECT
                || create.participantIds() == null) {
            return Optional.empty();
        }
        return others(create.actorId(), create.participantIds())
                .filter(host -> settings.inbound(host)
                        .map(policy -> policy.maxNewConversationsPerDay() != null)
                        .orElse(false))
                .findFirst();
    }

    /** The refusal of a new conversation past the host's cap for the day, in plain words. */
    public static Decision overInboundLimit(CreateConversation create, Instant at, int cap) {
        return ConversationDecider.reject(
                create,
                at,
                RejectionCode.INBOUND_LIMIT,
                "This host takes at most " + cap + " new conversation" + (cap == 1 ? "" : "s")
                        + " a day and has reached that today. Try again tomorrow, or send them a request.");
    }

    /** True if the host (or the manager who answers for them) blocked the one asking for a managed request. */
    public static boolean refuses(CreateRequest create, SafetySettings settings) {
        return blockedBy(create.hostUserId(), create.actorId(), settings)
                || blockedBy(create.managerId(), create.actorId(), settings);
    }

    /** True if the host blocked the guest asking for a session. */
    public static boolean refuses(RequestSession request, SafetySettings settings) {
        return blockedBy(request.hostUserId(), request.actorId(), settings);
    }

    private static boolean blockedByAnother(UUID actorId, List<UUID> participants, SafetySettings settings) {
        return others(actorId, participants).anyMatch(other -> settings.blocks(other, actorId));
    }

    private static boolean blockedBy(UUID blockerId, UUID actorId, SafetySettings settings) {
        return blockerId != null && actorId != null && settings.blocks(blockerId, actorId);
    }

    private static Stream<UUID> others(UUID actorId, List<UUID> participants) {
        return participants.stream().filter(p -> p != null && !p.equals(actorId));
    }

    private static boolean isSystem(UUID actorId) {
        return SystemActors.PLATFORM.equals(actorId) || SystemActors.SAM.equals(actorId);
    }
}
