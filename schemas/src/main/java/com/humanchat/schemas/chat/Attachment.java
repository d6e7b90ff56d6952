package com.humanchat.schemas.chat;

import java.util.UUID;

/**
 * A stored file or image a message refers to ({@code defs.v1.json#/$defs/attachments}): the edge stored its bytes
 * before the send; an image also has its pixel size (so the thread reserves its place) and a JPEG thumbnail.
 *
 * @param width pixels of an image, null for other files
 * @param height pixels of an image, null for other files
 * @param thumbnail a thumbnail of the image is stored beside it
 */
public record Attachment(
        UUID attachmentId,
        String name,
        String contentType,
        long sizeBytes,
        Integer width,
        Integer height,
        boolean thumbnail) {

    /** The most attachments one message carries (the schema's {@code maxItems}). */
    public static final int MAX_PER_MESSAGE = 10;
}
