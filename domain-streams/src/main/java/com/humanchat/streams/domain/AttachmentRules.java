package com.humanchat.streams.domain;

import com.humanchat.schemas.chat.Attachment;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** What a message's attachments must look like: the edge stored each one; the topology only checks their shape. */
final class AttachmentRules {

    private AttachmentRules() {}

    static Optional<String> invalid(List<Attachment> attachments) {
        if (attachments.size() > Attachment.MAX_PER_MESSAGE) {
            return Optional.of("a message has at most " + Attachment.MAX_PER_MESSAGE + " attachments");
        }
        if (new HashSet<>(attachments.stream().map(Attachment::attachmentId).toList()).size() != attachments.size()) {
            return Optional.of("a message carries each attachment once");
        }
        for (Attachment attachment : attachments) {
            if (attachment.attachmentId() == null
                    || attachment.name() == null
                    || attachment.name().isBlank()
                    || attachment.contentType() == null
                    || attachment.sizeBytes() < 1) {
                return Optional.of("an attachment needs its id, name, content type and size");
            }
        }
        return Optional.empty();
    }
}
