package com.humanchat.edge.ws;

import com.humanchat.edge.chat.ChatJson;
import com.humanchat.edge.chat.Membership;
import com.humanchat.edge.chat.PendingReplies;
import com.humanchat.edge.kafka.FanOutConsumer;
import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.ConversationCreated;
import com.humanchat.schemas.chat.MessageDeleted;
import com.humanchat.schemas.chat.MessageEdited;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.UnreadChanged;
import com.humanchat.schemas.chat.UnreadEvent;
import java.util.UUID;

/**
 * Turns each event the fan-out consumer reads into waiter completions and frames for the local sockets of the users
 * the event names — never anyone else: {@code message.new}, {@code message.edited}, {@code message.deleted} to the
 * participants, {@code message.ack} to the sender, {@code unread} to its user. A message is pushed only for a seq
 * above the highest already pushed for its conversation, so re-emitted duplicates never reach clients twice.
 */
public final class FanOutDispatcher implements FanOutConsumer.Listener {

    private static final int TRACKED_CONVERSATIONS = 200_000;

    private final SocketRegistry sockets;
    private final PendingReplies replies;
    private final Membership membership;
    private final SeqWatermarks pushed = new SeqWatermarks(TRACKED_CONVERSATIONS);

    public FanOutDispatcher(SocketRegistry sockets, PendingReplies replies, Membership membership) {
        this.sockets = sockets;
        this.replies = replies;
        this.membership = membership;
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
            case ConversationCreated created -> membership.remember(created.conversationId(), created.participantIds());
            case MessageEdited edited -> {
                OutboundFrame frame = OutboundFrame.of(ChatJson.editedFrame(edited));
                edited.participantIds().forEach(p -> sockets.push(p, frame));
            }
            case MessageDeleted deleted -> {
                OutboundFrame frame = OutboundFrame.of(ChatJson.deletedFrame(deleted));
                deleted.participantIds().forEach(p -> sockets.push(p, frame));
            }
            default -> {}
        }
    }

    @Override
    public void onUnreadEvent(UnreadEvent event) {
        if (event instanceof UnreadChanged changed && sockets.hasSockets(changed.userId())) {
            sockets.push(changed.userId(), OutboundFrame.of(ChatJson.unreadFrame(changed)));
        }
    }

    /** The highest seq pushed for a conversation on this replica (0 when unknown). */
    public long highestPushed(UUID conversationId) {
        return pushed.highest(conversationId);
    }
}
