package com.humanchat.edge.auth;

import com.humanchat.edge.http.ProblemException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Issues and verifies access tokens: HS256 JWTs with {@code sub} = user id, {@code sid} = the refresh-token family
 * (the sign-in), {@code roles} (for clients to shape their UI; the server never trusts them), issuer
 * {@value #ISSUER} and audience {@value #AUDIENCE}; anything else (other algorithm, {@code alg: none}, wrong
 * key, expired, other audience) is refused.
 */
public final class TokenService {

    public static final String ISSUER = "humanchat";
    public static final String AUDIENCE = "humanchat-api";

    private final JWTAuth jwt;
    private final Duration accessTtl;

    public TokenService(Vertx vertx, String secret, Duration accessTtl) {
        this.accessTtl = accessTtl;
        this.jwt = JWTAuth.create(
                vertx,
                new JWTAuthOptions()
                        .addPubSecKey(
                                new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
                        .setJWTOptions(new JWTOptions()
                                .setIssuer(ISSUER)
                                .setAudience(List.of(AUDIENCE))
                                .setLeeway(5)));
    }

    public String issueAccessToken(UUID userId, Set<String> roles, UUID familyId) {
        return jwt.generateToken(
                new JsonObject()
                        .put("sub", userId.toString())
                        .put("sid", familyId.toString())
                        .put("roles", new JsonArray(List.copyOf(roles))),
                new JWTOptions()
                        .setAlgorithm("HS256")
                        .setIssuer(ISSUER)
                        .setAudience(List.of(AUDIENCE))
                        .setExpiresInSeconds((int) accessTtl.toSeconds()));
    }

    public Duration accessTtl() {
        return accessTtl;
    }

    /** Verifies signature, algorithm, expiry, issuer and audience; fails with a 401 problem otherwise. */
    public Future<AuthenticatedUser> verify(String token) {
        if (token == null || token.isBlank()) {
            return Future.failedFuture(ProblemException.unauthorized("missing token"));
        }
        return jwt.authenticate(new TokenCredentials(token))
                .recover(e -> Future.failedFuture(ProblemException.unauthorized("invalid or expired token")))
                .compose(user -> {
                    JsonObject principal = user.principal();
                    JsonObject attributes = user.attributes() == null ? new JsonObject() : user.attributes();
                    JsonObject claims = attributes.getJsonObject("accessToken", principal);
                    try {
                        UUID id = UUID.fromString(claims.getString("sub", principal.getString("sub")));
                        String sid = claims.getString("sid", principal.getString("sid"));
                        long exp = claims.getLong("exp", principal.getLong("exp"));
                        return Future.succeededFuture(new AuthenticatedUser(
                                id, sid == null ? null : UUID.fromString(sid), Instant.ofEpochSecond(exp)));
                    } catch (RuntimeException e) {
                        return Future.failedFuture(ProblemException.unauthorized("token has no valid subject"));
                    }
                });
    }
}
