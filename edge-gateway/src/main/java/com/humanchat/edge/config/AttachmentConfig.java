package com.humanchat.edge.config;

import com.humanchat.schemas.config.EnvironmentReader;
import com.humanchat.schemas.config.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where attachments are stored and what may be uploaded. With {@code HUMANCHAT_S3_BUCKET} set they go to S3 (any
 * S3-compatible store); otherwise, with {@code HUMANCHAT_ATTACHMENT_DIR}, to that folder, the edge signing and serving
 * the URLs itself (the standalone); with neither, attachments are off and their routes answer 503.
 *
 * @param maxBytes the largest upload
 * @param allowedTypes lower-case content types a user may upload
 * @param urlTtl how long a signed upload or download URL stays valid
 * @param directory the disk store's folder, or null
 * @param s3 the S3 store, or null
 */
public record AttachmentConfig(long maxBytes, Set<String> allowedTypes, Duration urlTtl, Path directory, S3 s3) {

    /** Types a browser may run as a page or script: never accepted, whatever the configuration says. */
    public static final Set<String> ACTIVE_TYPES = Set.of(
            "text/html",
            "application/xhtml+xml",
            "image/svg+xml",
            "text/xml",
            "application/xml",
            "text/javascript",
            "application/javascript");

    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");

    /** An S3 bucket, its endpoint (null = AWS) and static credentials (null = the SDK's default chain). */
    public record S3(
            String bucket,
            URI endpoint,
            String region,
            String accessKeyId,
            String secretAccessKey,
            boolean pathStyle) {}

    /**
     * The origin browsers upload attachments to and load them from when it is not the edge's own: the S3 endpoint
     * ({@code https://<bucket>.s3.<region>.amazonaws.com} on AWS); null for the disk store.
     */
    public String storageOrigin() {
        if (s3 == null) {
            return null;
        }
        if (s3.endpoint() == null) {
            return "https://" + s3.bucket() + ".s3." + s3.region() + ".amazonaws.com";
        }
        URI endpoint = s3.endpoint();
        String origin = endpoint.getScheme() + "://" + endpoint.getHost()
                + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort());
        // Virtual-hosted addressing puts the bucket in the host name.
        return s3.pathStyle() ? origin : origin.replace("://", "://" + s3.bucket() + ".");
    }

    static AttachmentConfig read(EnvironmentReader r) {
        long maxBytes = r.integer(Settings.ATTACHMENT_MAX_BYTES, 1, Integer.MAX_VALUE);
        Set<String> types = Arrays.stream(
                        r.withDefault(Settings.ATTACHMENT_TYPES).split(","))
                .map(t -> t.trim().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        for (String type : types) {
            if (!MEDIA_TYPE.matcher(type).matches()) {
                r.problem(
                        "HUMANCHAT_ATTACHMENT_TYPES entries must be content types like image/png, not '" + type + "'");
            } else if (ACTIVE_TYPES.contains(type)) {
                r.problem("HUMANCHAT_ATTACHMENT_TYPES must not allow " + type + ": a browser would run it as a page");
            }
        }
        Duration ttl = Duration.ofSeconds(r.integer(Settings.ATTACHMENT_URL_TTL_SECONDS, 10, 86_400));
        String dir = r.optional(Settings.ATTACHMENT_DIR);
        String bucket = r.optional(Settings.S3_BUCKET);
        S3 s3 = null;
        if (bucket != null) {
            String endpoint = r.optional(Settings.S3_ENDPOINT);
            URI endpointUri = null;
            if (endpoint != null) {
                try {
                    endpointUri = URI.create(endpoint);
                } catch (IllegalArgumentException e) {
                    r.problem(
                            "HUMANCHAT_S3_ENDPOINT must be a URL like https://s3.example.com, not '" + endpoint + "'");
                }
            }
            String accessKey = r.optional(Settings.S3_ACCESS_KEY_ID);
            String secretKey = r.optional(Settings.S3_SECRET_ACCESS_KEY);
            if ((accessKey == null) != (secretKey == null)) {
                r.problem(
                        "HUMANCHAT_S3_ACCESS_KEY_ID and HUMANCHAT_S3_SECRET_ACCESS_KEY are set together or not at all");
            }
            s3 = new S3(
                    bucket,
                    endpointUri,
                    r.withDefault(Settings.S3_REGION),
                    accessKey,
                    secretKey,
                    r.bool(Settings.S3_PATH_STYLE));
        }
        return new AttachmentConfig(maxBytes, types, ttl, dir == null ? null : Path.of(dir), s3);
    }
}
