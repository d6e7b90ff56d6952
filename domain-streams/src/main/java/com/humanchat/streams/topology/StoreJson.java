package com.humanchat.streams.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.humanchat.schemas.Json;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Store values are JSON written with the platform mapper (unknown properties ignored on read), so a state written by
 * an older version of a record still reads.
 */
final class StoreJson {

    private static final ObjectMapper MAPPER = Json.mapper();

    private StoreJson() {}

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new SerializationException(
                    "cannot write store value " + value.getClass().getSimpleName(), e);
        }
    }

    static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new SerializationException("unreadable store value of type " + type.getSimpleName(), e);
        }
    }
}
