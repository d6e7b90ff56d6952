package com.humanchat.edge.attachments;

import com.humanchat.edge.config.AttachmentConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/** Opens the store the configuration names: S3 if a bucket is set, else the disk folder, else none (off). */
public final class AttachmentStores {

    private AttachmentStores() {}

    /** The store, or null when attachments are off; {@code secret} keys the disk store's signed URLs. */
    public static ObjectStore open(AttachmentConfig config, String secret) {
        if (config.s3() != null) {
            return new S3ObjectStore(config.s3());
        }
        if (config.directory() != null) {
            try {
                return new DiskObjectStore(config.directory(), new SignedFileUrls(secret, Clock.systemUTC()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the attachments folder " + config.directory(), e);
            }
        }
        return null;
    }
}
