package com.humanchat.edge.identity;

import com.humanchat.edge.auth.PasswordHasher;
import com.humanchat.edge.auth.RefreshTokens;
import com.humanchat.edge.auth.TokenService;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemType;
import com.humanchat.readmodels.identity.User;
import com.humanchat.readmodels.identity.UserReads;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.users.UserCredentialsRevoked;
import com.humanchat.schemas.users.UserProfileUpdated;
import com.humanchat.schemas.users.UserRegistered;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts and sessions: register, login, refresh (rotation with reuse detection), logout, whoami, profile changes.
 * A refresh token presented after it was rotated or revoked is treated as stolen and revokes its whole family.
 */
public final class IdentityService {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityService.class);

    private final Pool pool;
    private final PasswordHasher passwords;
    private final TokenService tokens;
    private final RoleGrants roleGrants;
    private final Duration refreshTtl;
    private final Runnable outboxWritten;
    private final EmailVerification verification;
    private final ManagerInvitations invitations;
    private final SecondFactor secondFactor;
    private final UserStore users = new UserStore();
    private final RefreshTokenStore refreshTokens = new RefreshTokenStore();
    private final OutboxWriter outbox = new OutboxWriter();

    /**
     * @param outboxWritten called after a transaction that wrote to the outbox committed (nudges the relay)
     */
    public IdentityService(
            Pool pool,
            PasswordHasher passwords,
            TokenService tokens,
            RoleGrants roleGrants,
            Duration refreshTtl,
            Runnable outboxWritten,
            EmailVerification verification,
            ManagerInvitations invitations,
            SecondFactor secondFactor) {
        this.pool = pool;
        this.secondFactor = secondFactor;
        this.verification = verification;
        this.invitations = invitations;
        this.passwords = passwords;
        this.tokens = tokens;
        this.roleGrants = roleGrants;
        this.refreshTtl = refreshTtl;
        this.outboxWritten = outboxWritten;
    }

    /**
     * Creates the account, its credentials, a first refresh token and a {@code user.registered} outbox record in
     * one transaction, then sends the verification e-mail; 409 if the email (case-insensitively) is taken. The new
     * account is unverified: it signs in, but roles granted by e-mail wait for the verification.
     */
    public Future<AuthSession> register(Registration request) {
        String email = RoleGrants.normalizeEmail(request.email());
        String displayName = request.displayName().strip();
        return users.emailTaken(pool, email)
                .compose(taken -> taken ? Future.failedFuture(emailTaken()) : passwords.hash(request.password()))
                .compose(hash -> {
                    UUID userId = UUID.randomUUID();
                    UUID familyId = UUID.randomUUID();
                    String refreshToken = RefreshTokens.generate();
                    return pool.withTransaction(tx -> users.insert(
                                            tx, userId, email, displayName, roleGrants.atRegistration(request.role()))
                                    .compose(user -> users.insertCredentials(tx, userId, hash)
                                            .compose(v -> refreshTokens.insert(
                                                    tx, familyId, userId, RefreshTokens.hash(refreshToken), refreshTtl))
                                            .compose(v -> outbox.append(tx, Topics.USERS_EVENTS, registered(user)))
                                            .compose(v -> verification.recordSend(tx, userId))
                                            .map(user)))
                            .recover(IdentityService::uniqueViolationToConflict)
                            .map(user -> {
                                outboxWritten.run();
                                LOG.info("registered user {} with roles {}", user.id(), user.roles());
                                verification.send(user);
                                return session(user, refreshToken, familyId);
                            });
                });
    }

    /**
     * Checks the password (an unknown email costs the same work) and, for an account with two-factor sign-in, the
     * {@code code} (TOTP or recovery code), then opens a new refresh-token family; 401 otherwise.
     */
    public Future<AuthSession> login(String email, String password, String code) {
        String normalized = RoleGrants.normalizeEmail(email);
        return users.findForLogin(pool, normalized).compose(found -> {
            if (found.isEmpty()) {
                return passwords.verifyAgainstDummy(password).compose(ignored -> Future.failedFuture(badCredentials()));
            }
            User stored = found.get().user();
            return passwords.verify(password, found.get().passwordHash()).compose(matches -> {
                if (!matches) {
                    return Future.failedFuture(badCredentials());
                }
                if (stored.suspended()) {
                    return Future.failedFuture(ProblemException.forbidden("this account is suspended"));
                }
                User user = stored.withRoles(
                        roleGrants.withListedAdmin(stored.email(), stored.emailVerified(), stored.roles()));
                UUID familyId = UUID.randomUUID();
                String refreshToken = RefreshTokens.generate();
                return pool.withTransaction(tx -> secondFactor
                                .checkAtSignIn(tx, user.id(), code)
                                .compose(v -> grantRolesIfChanged(tx, stored, user))
                                .compose(v -> refreshTokens.insert(
                                        tx, familyId, user.id(), RefreshTokens.hash(refreshToken), refreshTtl)))
                        .map(v -> session(user, refreshToken, familyId));
            });
        });
    }

    /**
     * Exchanges a refresh token for a new pair and marks the old one rotated. A rotated or revoked token revokes
     * its family (the revocation commits, with a {@code user.credentials-revoked} that closes the family's sockets on
     * every replica) and answers 401, as does an unknown or expired one.
     */
    public Future<AuthSession> refresh(String refreshToken) {
        String next = RefreshTokens.generate();
        return pool.<RefreshOutcome>withTransaction(tx -> refreshTokens
                        .findForUpdate(tx, RefreshTokens.hash(refreshToken))
                        .compose(found -> {
                            if (found.isEmpty()) {
                                return Future.succeededFuture(RefreshOutcome.UNKNOWN);
                            }
                            RefreshTokenStore.StoredToken token = found.get();
                            if (token.rotated() || token.revoked()) {
                                return refreshTokens
                                        .revokeFamily(tx, token.familyId())
                                        .compose(revoked -> {
                                            if (revoked == 0) {
                                                return Future.succeededFuture(RefreshOutcome.REUSED);
                                            }
                                            LOG.warn(
                                                    "refresh token reuse for user {}: family {} revoked",
                                                    token.userId(),
                                                    token.familyId());
                                            return outbox.append(
                                                            tx,
                                                            Topics.USERS_EVENTS,
                                                            UserCredentialsRevoked.of(
                                                                    token.userId(),
                                                                    token.familyId(),
                                                                    UserCredentialsRevoked.REFRESH_TOKEN_REUSED))
                                                    .map(RefreshOutcome.REUSED_AND_REVOKED);
                                        });
                            }
                            if (token.expired()) {
                                return Future.succeededFuture(RefreshOutcome.EXPIRED);
                            }
                            return UserReads.findById(tx, token.userId()).compose(user -> {
                                if (user.isEmpty() || user.get().suspended()) {
                                    return refreshTokens
                                            .revokeFamily(tx, token.familyId())
                                            .map(RefreshOutcome.UNKNOWN);
                                }
                                return refreshTokens
                                        .markRotated(tx, token.id())
                                        .compose(v -> refreshTokens.insert(
                                                tx,
                                                token.familyId(),
                                                token.userId(),
                                                RefreshTokens.hash(next),
                                                refreshTtl))
                                        .map(v -> new RefreshOutcome(user.get(), token.familyId(), null));
                            });
                        }))
                .compose(outcome -> {
                    if (outcome == RefreshOutcome.REUSED_AND_REVOKED) {
                        outboxWritten.run();
                    }
                    return outcome.user() != null
                            ? Future.succeededFuture(session(outcome.user(), next, outcome.familyId()))
                            : Future.failedFuture(ProblemException.unauthorized(outcome.refusal()));
                });
    }

    /**
     * Revokes the family of the token and, with a {@code user.credentials-revoked} in the same transaction, has every
     * replica close the sockets of that sign-in; an unknown token changes nothing. Always succeeds for a well-formed
     * call.
     */
    public Future<Void> logout(String refreshToken) {
        return pool.<Boolean>withTransaction(tx -> refreshTokens
                        .findForUpdate(tx, RefreshTokens.hash(refreshToken))
                        .compose(found -> found.isEmpty()
                                ? Future.succeededFuture(false)
                                : refreshTokens
                                        .revokeFamily(tx, found.get().familyId())
                                        .compose(revoked -> revoked == 0
                                                ? Future.succeededFuture(false)
                                                : outbox.append(
                                                                tx,
                                                                Topics.USERS_EVENTS,
                                                                UserCredentialsRevoked.of(
                                                                        found.get()
                                                                                .userId(),
                                                                        found.get()
                                                                                .familyId(),
                                                                        UserCredentialsRevoked.SIGNED_OUT))
                                                        .map(true))))
                .map(wroteOutbox -> {
                    if (wroteOutbox) {
                        outboxWritten.run();
                    }
                    return null;
                });
    }

    /** Any account by id (for public profiles); empty if there is none. */
    public Future<Optional<User>> find(UUID id) {
        return UserReads.findById(pool, id);
    }

    /** The account of an authenticated caller; 401 if it no longer exists. */
    public Future<User> user(UUID id) {
        return UserReads.findById(pool, id).compose(found -> found.map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(
                        ProblemException.unauthorized("the account of this token no longer exists"))));
    }

    /**
     * Applies {@code changes} to the caller's profile and, in the same transaction, appends {@code
     * user.profile-updated} (the whole public profile) to the outbox. Nothing is written when nothing changes (an
     * empty request, or values equal to the stored ones). A manager is never named here (422): they are invited and
     * must accept ({@link ManagerInvitations}); {@code managerId: null} ends the current relation at once. 401 if the
     * caller's account is gone, 403 if it is suspended.
     */
    public Future<User> updateProfile(UUID caller, ProfileChanges changes) {
        if (changes.isEmpty()) {
            return user(caller);
        }
        return pool.<ProfileOutcome>withTransaction(
                        tx -> users.findByIdForUpdate(tx, caller).compose(found -> {
                            if (found.isEmpty()) {
                                return Future.failedFuture(
                                        ProblemException.unauthorized("the account of this token no longer exists"));
                            }
                            User before = found.get();
                            if (before.suspended()) {
                                return Future.failedFuture(ProblemException.forbidden("this account is suspended"));
                            }
                            User after = changes.applyTo(before);
                            if (after.equals(before)) {
                                return Future.succeededFuture(new ProfileOutcome(before, false));
                            }
                            if (after.managerId() != null && !after.managerId().equals(before.managerId())) {
                                return Future.failedFuture(invalidManager(
                                        "a manager is invited (POST /api/manager-invitations) and manages you once"
                                                + " they accept"));
                            }
                            boolean managerCleared = before.managerId() != null && after.managerId() == null;
                            return (managerCleared
                                            ? invitations.endForHost(tx, caller)
                                            : Future.<Void>succeededFuture())
                                    .compose(v -> users.updateProfile(tx, after))
                                    .compose(updated -> outbox.append(tx, Topics.USERS_EVENTS, profileUpdated(updated))
                                            .map(new ProfileOutcome(updated, true)));
                        }))
                .map(outcome -> {
                    if (outcome.changed()) {
                        outboxWritten.run();
                        LOG.info("user {} updated their profile", caller);
                    }
                    return outcome.user();
                });
    }

    private Future<Void> grantRolesIfChanged(SqlClient tx, User before, User after) {
        return new HashSet<>(before.roles()).equals(new HashSet<>(after.roles()))
                ? Future.succeededFuture()
                : users.updateRoles(tx, after.id(), after.roles());
    }

    private AuthSession session(User user, String refreshToken, UUID familyId) {
        return new AuthSession(
                user,
                tokens.issueAccessToken(user.id(), new HashSet<>(user.roles()), familyId),
                refreshToken,
                tokens.accessTtl().toSeconds());
    }

    private static UserRegistered registered(User user) {
        return new UserRegistered(UUID.randomUUID(), 1, Instant.now(), user.id(), user.displayName(), user.roles());
    }

    static UserProfileUpdated profileUpdated(User user) {
        return new UserProfileUpdated(
                UUID.randomUUID(),
                1,
                Instant.now(),
                user.id(),
                user.displayName(),
                user.bio(),
                user.tags(),
                user.priceCents(),
                user.currency(),
                user.instantAvailable(),
                user.managerId(),
                user.representativeName());
    }

    private static ProblemException invalidManager(String detail) {
        return ProblemType.UNPROCESSABLE.with(
                detail,
                List.of(new ProblemException.FieldError(
                        "/managerId", "only null (no manager) or your current manager")));
    }

    private static Future<User> uniqueViolationToConflict(Throwable failure) {
        if (failure instanceof PgException pg && UserStore.UNIQUE_VIOLATION.equals(pg.getSqlState())) {
            return Future.failedFuture(emailTaken());
        }
        return Future.failedFuture(failure);
    }

    private static ProblemException emailTaken() {
        return ProblemException.conflict("an account with this email already exists");
    }

    private static ProblemException badCredentials() {
        return ProblemException.unauthorized("wrong email or password");
    }

    /** The result of a profile transaction: the stored account and whether it changed. */
    private record ProfileOutcome(User user, boolean changed) {}

    /** The result of a refresh transaction: a user to issue a pair for, or why not. */
    private record RefreshOutcome(User user, UUID familyId, String refusal) {
        static final RefreshOutcome UNKNOWN = new RefreshOutcome(null, null, "unknown refresh token");
        static final RefreshOutcome EXPIRED = new RefreshOutcome(null, null, "the refresh token has expired");
        static final RefreshOutcome REUSED = new RefreshOutcome(
                null, null, "this refresh token was already used; every session of this sign-in has been revoked");
        /** As {@link #REUSED}, and this call revoked the family (its outbox record needs the relay). */
        static final RefreshOutcome REUSED_AND_REVOKED = new RefreshOutcome(null, null, REUSED.refusal());
    }
}
