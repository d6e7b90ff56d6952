package com.humanchat.schemas.admin;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.humanchat.schemas.Envelope;
import java.time.Instant;
import java.util.UUID;

/**
 * An admin broadcast {@code message} to every connected client; key = announcementId. The only type of its topic, so
 * it is its own family.
 *
 * @param level {@code info}, {@code warning} or {@code critical}
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = AnnouncementPublished.class, name = "announcement.published")})
public record AnnouncementPublished(
        UUID eventId, int version, Instant occurredAt, UUID announcementId, UUID authorId, String message, String level)
        implements Envelope {

    public static AnnouncementPublished of(UUID announcementId, UUID authorId, String message, String level) {
        return new AnnouncementPublished(UUID.randomUUID(), 1, Instant.now(), announcementId, authorId, message, level);
    }

    @Override
    public String key() {
        return announcementId.toString();
    }
}
