package com.humanchat.edge.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring e-mail verification tokens: {@code <userId>.<expiry epoch seconds>.<HMAC-SHA256>}, the MAC taken
 * over the user id, the address the link was sent to and the expiry, with a key derived from the signing secret for
 * this purpose only. A token is bound to the address: it proves nothing once the account's address differs.
 */
public final class EmailVerificationTokens {

    /** How long a link works. */
    public static final Duration TTL = Duration.ofHours(24);

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** A token whose signature and expiry held: the account it names; the caller checks the address. */
    public record Claim(UUID userId, Instant expiresAt, String signature) {}

    private final byte[] key;
    private final Clock clock;

    public EmailVerificationTokens(String signingSecret, Clock clock) {
        this.key = mac(signingSecret.getBytes(StandardCharsets.UTF_8), "humanchat email verification v1");
        this.clock = clock;
    }

    public String issue(UUID userId, String email) {
        long expires = clock.instant().plus(TTL).getEpochSecond();
        return userId + "." + expires + "." + sign(userId, email, expires);
    }

    /** Whether {@code claim} was signed for this account and {@code email} (compared in constant time). */
    public boolean signedFor(Claim claim, String email) {
        return MessageDigest.isEqual(
                claim.signature().getBytes(StandardCharsets.US_ASCII),
                sign(claim.userId(), email, claim.expiresAt().getEpochSecond()).getBytes(StandardCharsets.US_ASCII));
    }

    /** The parts of a well-formed, unexpired token (its signature not yet checked). */
    public Optional<Claim> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[2].matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        try {
            UUID userId = UUID.fromString(parts[0]);
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            return expires.isAfter(clock.instant())
                    ? Optional.of(new Claim(userId, expires, parts[2]))
                    : Optional.empty();
        } catch (IllegalArgumentException | java.time.DateTimeException malformed) {
            return Optional.empty();
        }
    }

    private String sign(UUID userId, String email, long expires) {
        return ENCODER.encodeToString(mac(key, userId + "\n" + RoleGrants.normalizeEmail(email) + "\n" + expires));
    }

    private static byte[] mac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + ALGORITHM, e);
        }
    }
}
