package com.humanchat.edge.chat;

import com.humanchat.schemas.chat.Attachment;
import io.vertx.core.Future;
import java.util.List;
import java.util.UUID;

/** Resolves the attachment ids of a send to the stored attachments the sender may put in that conversation. */
@FunctionalInterface
public interface MessageAttachments {

    /** The attachments in the order asked; fails with a 4xx problem naming an id the sender may not use. */
    Future<List<Attachment>> forMessage(UUID sender, UUID conversationId, List<UUID> attachmentIds);
}
