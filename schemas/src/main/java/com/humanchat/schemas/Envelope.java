package com.humanchat.schemas;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/**
 * The fields every record on every topic carries: {@code eventId}, {@code type} (written by Jackson from
 * the sealed family's {@code @JsonTypeInfo}), {@code version} and {@code occurredAt}.
 */
public interface Envelope {

    /** Unique id of this record; a re-emitted record keeps its original id, so consumers may dedupe on it. */
    UUID eventId();

    /** Schema version of this type; bumped only for incompatible changes. */
    int version();

    Instant occurredAt();

    /** The partition key of the topic this record belongs to. */
    @JsonIgnore
    String key();
}
