package com.humanchat.edge.attachments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The standalone's store: one file per object under a folder (the data folder's {@code attachments/}), reached through
 * the edge's own signed {@code /files/} URLs ({@link DiskFileRoutes}). Nothing to install; survives restarts.
 */
public final class DiskObjectStore implements ObjectStore {

    private final Path root;
    private final SignedFileUrls urls;

    public DiskObjectStore(Path root, SignedFileUrls urls) throws IOException {
        this.root = Files.createDirectories(root);
        this.urls = urls;
    }

    SignedFileUrls urls() {
        return urls;
    }

    Path file(String key) {
        if (!SignedFileUrls.KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not an object key: " + key);
        }
        return root.resolve(key);
    }

    @Override
    public Upload signUpload(String key, String contentType, long maxBytes, Duration ttl) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("type", contentType);
        params.put("max", Long.toString(maxBytes));
        return new Upload("PUT", urls.sign("put", key, params, ttl), Map.of("Content-Type", contentType));
    }

    @Override
    public String signDownload(String key, String contentType, String fileName, boolean inline, Duration ttl) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("type", contentType);
        params.put("name", fileName);
        params.put("inline", inline ? "1" : "0");
        return urls.sign("get", key, params, ttl);
    }

    @Override
    public OptionalLong size(String key) throws IOException {
        try {
            return OptionalLong.of(Files.size(file(key)));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public byte[] read(String key) throws IOException {
        return Files.readAllBytes(file(key));
    }

    @Override
    public void write(String key, byte[] bytes, String contentType) throws IOException {
        Path target = file(key);
        Path partial = Files.createTempFile(root, "partial-", ".tmp");
        Files.write(partial, bytes);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Moves a completely received upload into place, so that a reader never sees half a file. */
    void install(Path received, String key) throws IOException {
        Files.move(received, file(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    Path root() {
        return root;
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(file(key));
    }
}
