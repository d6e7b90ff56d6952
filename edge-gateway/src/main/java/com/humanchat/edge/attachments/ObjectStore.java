package com.humanchat.edge.attachments;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Where the bytes of attachments live: S3 or the standalone's disk. Clients move the bytes themselves through
 * short-lived signed URLs; the edge only reads an upload back to check it (and to make an image's thumbnail). Every
 * method but the signing ones blocks: call them off the event loop.
 */
public interface ObjectStore {

    /** A signed upload: the client sends the bytes with {@code method} to {@code url} with these headers. */
    record Upload(String method, String url, Map<String, String> headers) {}

    /** A signed upload of at most {@code maxBytes} of {@code contentType} to {@code key}. */
    Upload signUpload(String key, String contentType, long maxBytes, Duration ttl);

    /**
     * A signed download of {@code key}, answered with {@code contentType}; {@code inline} = shown in the page (images),
     * otherwise saved as {@code fileName}.
     */
    String signDownload(String key, String contentType, String fileName, boolean inline, Duration ttl);

    /** The stored size of {@code key}, empty if nothing was uploaded there. */
    OptionalLong size(String key) throws IOException;

    /** The bytes of {@code key} (an upload already checked to be within the size limit). */
    byte[] read(String key) throws IOException;

    /** Stores bytes the edge made (an image's thumbnail). */
    void write(String key, byte[] bytes, String contentType) throws IOException;

    /** Removes {@code key} if present (a refused upload). */
    void delete(String key) throws IOException;
}
