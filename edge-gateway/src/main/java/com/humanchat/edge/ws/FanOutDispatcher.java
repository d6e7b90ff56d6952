package com.humanchat.edge.ws;

import com.humanchat.edge.admin.AdminService;
import com.humanchat.edge.auth.SuspendedUsers;
import com.humanchat.edge.chat.ChatJson;
import com.humanchat.edge.chat.Membership;
import com.humanchat.edge.chat.PendingReplies;
import com.humanchat.edge.kafka.CommandAnswers;
import com.humanchat.edge.kafka.FanOutConsumer;
import com.humanchat.edge.payments.PaymentJson;
import com.humanchat.edge.safety.BlockedUsers;
import com.humanchat.edge.sessions.SessionJson;
import com.humanchat.schemas.Json;
import com.humanchat.schemas.admin.AnnouncementPublished;
import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.ConversationCreated;
import com.humanchat.schemas.chat.MessageDeleted;
import com.humanchat.schemas.chat.MessageEdited;
import com.humanchat.schemas.chat.MessageReacted;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.ReadAdvanced;
import com.humanchat.schemas.chat.ToParticipants;
import com.humanchat.schemas.chat.UnreadChanged;
import com.humanchat.schemas.chat.UnreadEvent;
import com.humanchat.schemas.payments.AccountUpdated;
import com.humanchat.schemas.payments.PaymentEvent;
import com.humanchat.schemas.payments.PaymentUpdated;
import com.humanchat.schemas.requests.RequestCreated;
import com.humanchat.schemas.requests.RequestEvent;
import com.humanchat.schemas.requests.RequestStatusChanged;
import com.humanchat.schemas.rtc.RtcSignal;
import com.humanchat.schemas.safety.InboundPolicySet;
import com.humanchat.schemas.safety.ReportResolved;
import com.humanchat.schemas.safety.SafetyEvent;
import com.humanchat.schemas.safety.UserBlocked;
import com.humanchat.schemas.safety.UserUnblocked;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.users.UserCredentialsRevoked;
import com.humanchat.schemas.users.UserEvent;
import com.humanchat.schemas.users.UserSuspended;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Turns each event the fan-out consumer reads into waiter completions and frames for the local sockets of the users
 * the event names — never anyone else: {@code message.new}, {@code message.edited}, {@code message.deleted} to the
 * participants, {@code message.ack} to the sender, {@code unread} to its user, {@code session.updated} to the
 * session's guest and host, {@code request.updated} to the requester and the manager, {@code rtc.signal} to its
 * addressee, {@code payment.updated} to the payer (with the client secret) and the payee, and
 * {@code payment.account-updated} to the host. A message is pushed only for a seq above the highest already pushed
 * for its conversation, so re-emitted duplicates never reach clients twice.
 */
public final class FanOutDispatcher implements FanOutConsumer.Listener {

    private static final int TRACKED_CONVERSATIONS = 200_000;

    private final SocketRegistry sockets;
    private final PendingReplies replies;
    private final Membership membership;
    private final CommandAnswers<SessionEvent> sessionAnswers;
    private final CommandAnswers<RequestEvent> requestAnswers;
    private final CommandAnswers<PaymentEvent> paymentAnswers;
    private final Consumer<List<UUID>> newConversations;
    private final SuspendedUsers suspended;
    private final BlockedUsers blocked;
    private final SeqWatermarks pushed = new SeqWatermarks(TRACKED_CONVERSATIONS);

    public FanOutDispatcher(
            SocketRegistry sockets,
            PendingReplies replies,
            Membership membership,
            CommandAnswers<SessionEvent> sessionAnswers,
            CommandAnswers<RequestEvent> requestAnswers,
            CommandAnswers<PaymentEvent> paymentAnswers,
            Consumer<List<UUID>> newConversations,
            SuspendedUsers suspended,
            BlockedUsers blocked) {
        this.sockets = sockets;
        this.replies = replies;
        this.membership = membership;
        this.sessionAnswers = sessionAnswers;
        this.requestAnswers = requestAnswers;
        this.paymentAnswers = paymentAnswers;
        this.newConversations = newConversations;
        this.suspended = suspended;
        this.blocked = blocked;
    }

    @Override
    public void onChatEvent(ChatEvent event) {
        replies.onEvent(event);
        switch (event) {
            case MessageSent sent -> {
                membership.remember(sent.conversationId(), sent.participantIds());
                if (pushed.advance(sent.conversationId(), sent.seq())) {
                    OutboundFrame frame = OutboundFrame.message(
                            ChatJson.messageNewFrame(ChatJson.message(sent)),
                            sent.conversationId(),
                            sent.seq(),
                            sent.occurredAt());
                    for (UUID participant : sent.participantIds()) {
                        sockets.push(participant, frame);
                    }
                }
                if (sockets.hasSockets(sent.senderId())) {
                    sockets.push(sent.senderId(), OutboundFrame.of(ChatJson.ackFrame(sent)));
                }
            }
            case ConversationCreated created -> {
                membership.remember(created.conversationId(), created.participantIds());
                newConversations.accept(created.participantIds());
            }
            case MessageEdited edited -> {
                OutboundFrame frame = OutboundFrame.of(ChatJson.editedFrame(edited));
                edited.participantIds().forEach(p -> sockets.push(p, frame));
            }
            case MessageDeleted deleted -> {
                OutboundFrame frame = OutboundFrame.of(ChatJson.deletedFrame(deleted));
                deleted.participantIds().forEach(p -> sockets.push(p, frame));
            }
            case MessageReacted reacted -> {
                OutboundFrame frame = OutboundFrame.of(ChatJson.reactedFrame(reacted));
                reacted.participantIds().forEach(p -> sockets.push(p, frame));
            }
            case ReadAdvanced read when read.receipt() -> pushReceipt(read);
            default -> {}
        }
    }

    /** Tells the reader's fellow members how far the reader has seen; the reader's own sockets learn it from unread. */
    private void pushReceipt(ReadAdvanced read) {
        OutboundFrame frame =
                OutboundFrame.of(ChatJson.receiptFrame(read.conversationId(), read.userId(), read.lastReadSeq()));
        membership.members(read.conversationId()).onSuccess(members -> members.stream()
                .filter(member -> !member.equals(read.userId()))
                .forEach(member -> sockets.push(member, frame)));
    }

    @Override
    public void onUnreadEvent(UnreadEvent event) {
        if (event instanceof UnreadChanged changed && sockets.hasSockets(changed.userId())) {
            sockets.push(changed.userId(), OutboundFrame.of(ChatJson.unreadFrame(changed)));
        }
    }

    @Override
    public void onSessionEvent(SessionEvent event) {
        sessionAnswers.onEvent(event);
        if (event instanceof ToParticipants addressed) {
            SessionJson.sessionUpdatedFrame(event).ifPresent(frame -> pushTo(addressed.participantIds(), frame));
        }
    }

    @Override
    public void onRequestEvent(RequestEvent event) {
        requestAnswers.onEvent(event);
        switch (event) {
            case RequestCreated created ->
                SessionJson.requestUpdatedFrame(event)
                        .ifPresent(frame -> pushTo(created.request().participantIds(), frame));
            case RequestStatusChanged changed ->
                SessionJson.requestUpdatedFrame(event)
                        .ifPresent(frame -> pushTo(changed.request().participantIds(), frame));
            default -> {}
        }
    }

    @Override
    public void onRtcSignal(RtcSignal signal) {
        if (sockets.hasSockets(signal.toUserId())) {
            JsonObject frame = new JsonObject()
                    .put("type", "rtc.signal")
                    .put("sessionId", signal.sessionId().toString())
                    .put("fromUserId", signal.fromUserId().toString())
                    .put("payload", new JsonObject(Json.mapper().convertValue(signal.payload(), Map.class)));
            sockets.push(signal.toUserId(), OutboundFrame.of(frame));
        }
    }

    @Override
    public void onPaymentEvent(PaymentEvent event) {
        paymentAnswers.onEvent(event);
        switch (event) {
            case PaymentUpdated updated -> {
                if (sockets.hasSockets(updated.payerUserId())) {
                    sockets.push(
                            updated.payerUserId(), OutboundFrame.of(PaymentJson.paymentUpdatedFrame(updated, true)));
                }
                pushTo(List.of(updated.payeeUserId()), PaymentJson.paymentUpdatedFrame(updated, false));
            }
            case AccountUpdated account ->
                pushTo(List.of(account.hostUserId()), PaymentJson.accountUpdatedFrame(account));
        }
    }

    /**
     * A suspension or reinstatement from any replica's admin: tokens refused (and sockets closed) here too. Ended
     * credentials (logout, a revoked sign-in, changed roles) close the matching sockets of this replica with 4401.
     */
    /**
     * A block or its lifting from any replica: this replica's presence and typing filter follows. A report's outcome
     * goes to its reporter's sockets as {@code report.resolved}.
     */
    @Override
    public void onSafetyEvent(SafetyEvent event) {
        switch (event) {
            case UserBlocked block -> blocked.set(block.blockerId(), block.blockedId(), true);
            case UserUnblocked unblock -> blocked.set(unblock.blockerId(), unblock.blockedId(), false);
            case ReportResolved resolved ->
                pushTo(
                        List.of(resolved.reporterId()),
                        new JsonObject()
                                .put("type", "report.resolved")
                                .put("reportId", resolved.reportId().toString())
                                .put("targetType", resolved.targetType())
                                .put("outcome", resolved.outcome())
                                .put("resolvedAt", resolved.occurredAt().toString()));
            case InboundPolicySet policy -> {
                // decided by the conversation topology; nothing to push
            }
        }
    }

    @Override
    public void onUserEvent(UserEvent event) {
        if (event instanceof UserSuspended change) {
            suspended.set(change.userId(), change.suspended());
        } else if (event instanceof UserCredentialsRevoked revoked) {
            sockets.closeSignIn(
                    revoked.userId(),
                    revoked.familyId(),
                    ClientSocket.CREDENTIALS_ENDED,
                    closeReason(revoked.reason()));
        }
    }

    private static String closeReason(String revocation) {
        return switch (revocation) {
            case UserCredentialsRevoked.SIGNED_OUT -> "signed out";
            case UserCredentialsRevoked.REFRESH_TOKEN_REUSED -> "sign-in revoked: a refresh token was used twice";
            case UserCredentialsRevoked.ROLES_CHANGED -> "roles changed: sign in again";
            case UserCredentialsRevoked.ACCOUNT_DELETED -> "account deleted";
            default -> "credentials ended";
        };
    }

    /** An admin announcement goes to every socket of this replica. */
    @Override
    public void onAnnouncement(AnnouncementPublished announcement) {
        OutboundFrame frame =
                OutboundFrame.of(AdminService.announcement(announcement).put("type", "announcement"));
        sockets.all().forEach(socket -> socket.pushLive(frame));
    }

    private void pushTo(List<UUID> users, JsonObject frame) {
        OutboundFrame outbound = OutboundFrame.of(frame);
        for (UUID user : users) {
            if (sockets.hasSockets(user)) {
                sockets.push(user, outbound);
            }
        }
    }

    /** The highest seq pushed for a conversation on this replica (0 when unknown). */
    public long highestPushed(UUID conversationId) {
        return pushed.highest(conversationId);
    }
}
