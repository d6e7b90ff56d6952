package com.humanchat.schemas.config;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * The platform's VAPID key pair (RFC 8292) and subject, as the edge (which hands browsers the public key) and the
 * notifier (which signs its push requests with the pair) read them: both keys or neither; neither = Web Push off.
 *
 * @param publicKey the P-256 public point, uncompressed (65 bytes, {@code 0x04 ‖ x ‖ y}), base64url without padding —
 *     the {@code applicationServerKey} a browser subscribes with
 * @param privateKey the private scalar (32 bytes), base64url without padding
 * @param subject the {@code sub} claim: {@code mailto:…} or {@code https://…}
 */
public record WebPushKeys(String publicKey, String privateKey, String subject) {

    private static final int PUBLIC_BYTES = 65;
    private static final int PRIVATE_BYTES = 32;

    /** The keys the environment names, or null when neither is set; problems (one key only, not a key) go to r. */
    public static WebPushKeys read(EnvironmentReader r) {
        String publicKey = r.optional(Settings.VAPID_PUBLIC_KEY);
        String privateKey = r.optional(Settings.VAPID_PRIVATE_KEY);
        String subject = r.optional(Settings.VAPID_SUBJECT);
        if (subject == null) {
            subject = "mailto:" + address(r.withDefault(Settings.SMTP_FROM));
        } else if (!subject.startsWith("mailto:") && !subject.startsWith("https://")) {
            r.problem(Settings.VAPID_SUBJECT.name() + " must start with mailto: or https://");
        }
        if (publicKey == null && privateKey == null) {
            return null;
        }
        if (publicKey == null || privateKey == null) {
            r.problem(Settings.VAPID_PUBLIC_KEY.name() + " and " + Settings.VAPID_PRIVATE_KEY.name()
                    + " are given together (or neither: Web Push off)");
            return null;
        }
        checkPublicKey(r, publicKey);
        byte[] scalar = decode(privateKey);
        if (scalar == null || scalar.length != PRIVATE_BYTES) {
            r.problem(Settings.VAPID_PRIVATE_KEY.name() + " is not a P-256 private key (32 bytes, base64url)");
        }
        return new WebPushKeys(publicKey, privateKey, subject);
    }

    /**
     * The public key alone, for the edge that hands it to browsers and never signs (it is not given the private
     * key): null when unset (Web Push off), a problem when it is not a P-256 point.
     */
    public static String readPublicKey(EnvironmentReader r) {
        String publicKey = r.optional(Settings.VAPID_PUBLIC_KEY);
        if (publicKey != null) {
            checkPublicKey(r, publicKey);
        }
        return publicKey;
    }

    private static void checkPublicKey(EnvironmentReader r, String publicKey) {
        byte[] point = decode(publicKey);
        if (point == null || point.length != PUBLIC_BYTES || point[0] != 4) {
            r.problem(Settings.VAPID_PUBLIC_KEY.name()
                    + " is not a P-256 public key (65 bytes, uncompressed, base64url)");
        }
    }

    /** A new key pair (the standalone keeps one in its data folder; tests make their own). */
    public static WebPushKeys generate(String subject) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            var pair = generator.generateKeyPair();
            ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
            byte[] point = new byte[PUBLIC_BYTES];
            point[0] = 4;
            unsigned(publicKey.getW().getAffineX(), point, 1);
            unsigned(publicKey.getW().getAffineY(), point, 33);
            byte[] scalar = new byte[PRIVATE_BYTES];
            unsigned(((ECPrivateKey) pair.getPrivate()).getS(), scalar, 0);
            Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
            return new WebPushKeys(base64url.encodeToString(point), base64url.encodeToString(scalar), subject);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make P-256 keys", e);
        }
    }

    /** {@code value} as 32 big-endian bytes at {@code offset}. */
    private static void unsigned(BigInteger value, byte[] into, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, into, offset + 32 - length, length);
    }

    private static byte[] decode(String base64url) {
        try {
            return Base64.getUrlDecoder().decode(base64url.replace("=", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code no-reply@x} out of {@code HumanChat <no-reply@x>}. */
    private static String address(String from) {
        int open = from.indexOf('<');
        int close = from.indexOf('>', open + 1);
        return open >= 0 && close > open ? from.substring(open + 1, close).strip() : from.strip();
    }

    @Override
    public String toString() {
        return "WebPushKeys[publicKey=" + publicKey + ", subject=" + subject + "]";
    }
}
