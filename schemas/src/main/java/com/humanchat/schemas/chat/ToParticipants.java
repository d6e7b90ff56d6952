package com.humanchat.schemas.chat;

import java.util.List;
import java.util.UUID;

/**
 * An event that names the conversation's participants at the time it happened, so that every edge replica
 * can push it to the right sockets without a lookup; groups are capped at 50 participants.
 */
public interface ToParticipants {

    List<UUID> participantIds();
}
