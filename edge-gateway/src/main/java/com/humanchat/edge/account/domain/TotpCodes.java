package com.humanchat.edge.account.domain;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords as every authenticator app computes them (RFC 6238: HMAC-SHA1, 6 digits, 30-second
 * steps, computed by java-otp): a 160-bit secret shown as Base32, a code accepted in the step of the clock or one
 * step either side (a phone's clock drifts), and only in a step later than the last one accepted, so a code seen over
 * a shoulder or in a log cannot be used again.
 */
public final class TotpCodes {

    public static final Duration STEP = TimeBasedOneTimePasswordGenerator.DEFAULT_TIME_STEP;
    public static final int DIGITS = 6;
    static final int SECRET_BYTES = 20;
    /** Steps accepted either side of the clock's. */
    static final int DRIFT_STEPS = 1;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base32 BASE32 = new Base32();

    private TotpCodes() {}

    /** A new secret, as the Base32 text (no padding) an app is given. */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return BASE32.encodeToString(bytes).replace("=", "");
    }

    /** The {@code otpauth://} URI an app reads (from a QR code or pasted): the secret, the account and the issuer. */
    public static String otpauthUri(String secret, String issuer, String accountName) {
        String label = encode(issuer) + ":" + encode(accountName);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits="
                + DIGITS + "&period=" + STEP.toSeconds();
    }

    /** Whether {@code code} has the shape of a time-based code (six digits); anything else may be a recovery code. */
    public static boolean looksLikeCode(String code) {
        return code != null && code.matches("\\d{" + DIGITS + "}");
    }

    /**
     * The time step {@code code} belongs to, if it is the secret's code at {@code now} (give or take one step) and of a
     * step after {@code lastAcceptedStep}; empty otherwise (wrong, expired or already used).
     */
    public static OptionalLong acceptedStep(String secret, String code, Instant now, long lastAcceptedStep) {
        if (!looksLikeCode(code)) {
            return OptionalLong.empty();
        }
        long current = now.getEpochSecond() / STEP.toSeconds();
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            if (step > lastAcceptedStep && codeAt(secret, step).equals(code)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The secret's code in time step {@code step}. */
    static String codeAt(String secret, long step) {
        TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, DIGITS);
        SecretKeySpec key = new SecretKeySpec(BASE32.decode(secret), generator.getAlgorithm());
        try {
            return generator.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * STEP.toSeconds()));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("an HMAC-SHA1 key accepts any bytes", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
