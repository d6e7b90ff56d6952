package com.humanchat.edge;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** JWTs built byte by byte, so tests can forge exactly the token they mean: any header, payload, key or none. */
public final class HandMadeJwt {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private HandMadeJwt() {}

    static String encode(JsonObject json) {
        return B64.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code header.payload.HMAC-SHA256(key, header.payload)}. */
    static String hs256(JsonObject header, JsonObject payload, String key) {
        String signingInput = encode(header) + "." + encode(payload);
        return signingInput + "." + B64.encodeToString(hmac(key, signingInput));
    }

    static String hs256(JsonObject payload, String key) {
        return hs256(new JsonObject().put("alg", "HS256").put("typ", "JWT"), payload, key);
    }

    /** {@code header.payload.} with {@code alg: none} and no signature. */
    static String unsigned(JsonObject payload) {
        return encode(new JsonObject().put("alg", "none").put("typ", "JWT")) + "." + encode(payload) + ".";
    }

    /** Claims the edge would accept, for a user, valid for {@code lifetimeSeconds} from now (negative: expired). */
    static JsonObject claims(String userId, long lifetimeSeconds) {
        long now = System.currentTimeMillis() / 1000;
        return new JsonObject()
                .put("sub", userId)
                .put("roles", new io.vertx.core.json.JsonArray().add("user"))
                .put("iss", "humanchat")
                .put("aud", "humanchat-api")
                .put("iat", now - 60 + Math.min(0, lifetimeSeconds))
                .put("exp", now + lifetimeSeconds);
    }

    /** Replaces the payload of a signed token and keeps its signature. */
    static String withPayload(String token, JsonObject payload) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + encode(payload) + "." + parts[2];
    }

    public static JsonObject payloadOf(String token) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String key, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
