package com.humanchat.ops.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed one-click unsubscribe link of a notification e-mail (RFC 8058): {@code
 * <public url>/api/notifications/unsubscribe?user=<id>&sig=<HMAC-SHA256>}. The notifier signs, the edge verifies; the
 * key is the platform's {@code HUMANCHAT_JWT_SECRET}, domain-separated so a signature is never a token.
 */
public final class UnsubscribeLinks {

    public static final String PATH = "/api/notifications/unsubscribe";
    private static final String DOMAIN = "humanchat-unsubscribe:";

    private final byte[] key;

    public UnsubscribeLinks(String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String link(String publicUrl, UUID userId) {
        return publicUrl + PATH + "?user=" + userId + "&sig=" + signature(userId);
    }

    public String signature(UUID userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal((DOMAIN + userId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** True when {@code signature} is this key's for {@code userId} (compared in constant time). */
    public boolean verify(UUID userId, String signature) {
        return signature != null
                && MessageDigest.isEqual(
                        signature(userId).getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }
}
