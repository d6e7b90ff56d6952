package com.humanchat.edge.attachments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The disk store's pre-signed URLs, {@code /files/<key>?…&exp=…&sig=…}: an HMAC-SHA256 over the operation, the key,
 * every parameter and the expiry, with a key derived from the edge's signing secret — the same guarantees as S3's
 * pre-signed URLs (nothing in them can be changed, they stop working at {@code exp}).
 */
public final class SignedFileUrls {

    /** Keys are an attachment id, maybe with a suffix ({@code <uuid>.thumbnail}); never a path. */
    static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}(\\.[a-z]+)?");

    public static final String PREFIX = "/files/";

    private final byte[] key;
    private final Clock clock;

    public SignedFileUrls(String secret, Clock clock) {
        this.key = hmac(secret.getBytes(StandardCharsets.UTF_8), "humanchat attachment urls");
        this.clock = clock;
    }

    /** A URL for {@code op} ("get" or "put") on {@code objectKey} with these (ordered) parameters. */
    String sign(String op, String objectKey, Map<String, String> params, Duration ttl) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("exp", Long.toString(clock.instant().plus(ttl).getEpochSecond()));
        StringBuilder url =
                new StringBuilder(PREFIX).append(objectKey).append("?op=").append(op);
        all.forEach((name, value) ->
                url.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return url.append("&sig=").append(signature(op, objectKey, all)).toString();
    }

    /**
     * The parameters of a request for {@code op} on {@code objectKey} if its signature holds and it has not expired;
     * empty otherwise (the caller answers 403 without saying which).
     */
    Optional<Map<String, String>> verify(String op, String objectKey, Map<String, String> query) {
        if (!KEY.matcher(objectKey).matches() || !op.equals(query.get("op"))) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>(query);
        params.remove("op");
        String sig = params.remove("sig");
        String exp = params.get("exp");
        if (sig == null || exp == null || !exp.matches("\\d{1,12}")) {
            return Optional.empty();
        }
        // Parameters are checked in the order they were signed: a reordered query does not verify.
        byte[] expected = signature(op, objectKey, params).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        if (Long.parseLong(exp) < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(params);
    }

    private String signature(String op, String objectKey, Map<String, String> params) {
        StringBuilder text = new StringBuilder(op).append('\n').append(objectKey);
        params.forEach(
                (name, value) -> text.append('\n').append(name).append('=').append(value));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, text.toString()));
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
