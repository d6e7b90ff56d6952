package com.humanchat.edge.identity;

import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemType;
import com.humanchat.edge.mail.Mailer;
import com.humanchat.readmodels.identity.User;
import com.humanchat.readmodels.identity.UserReads;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proving an e-mail address: a signed, expiring link ({@link EmailVerificationTokens}) is mailed at registration and on
 * request (at most once per {@link #RESEND_INTERVAL} per account, on every replica); following it marks the address
 * verified and grants the roles an e-mail earns ({@code HUMANCHAT_ADMIN_EMAILS}). Verifying twice changes nothing.
 */
public final class EmailVerification {

    private static final Logger LOG = LoggerFactory.getLogger(EmailVerification.class);

    public static final Duration RESEND_INTERVAL = Duration.ofSeconds(60);
    /** The web client's page that posts the token to {@code POST /api/auth/verify-email}. */
    static final String LINK_PATH = "/verify-email?token=";

    private final Pool pg;
    private final EmailVerificationTokens tokens;
    private final Mailer mailer;
    private final RoleGrants roleGrants;
    private final String publicUrl;
    private final UserStore users = new UserStore();

    public EmailVerification(
            Pool pg, EmailVerificationTokens tokens, Mailer mailer, RoleGrants roleGrants, String publicUrl) {
        this.pg = pg;
        this.tokens = tokens;
        this.mailer = mailer;
        this.roleGrants = roleGrants;
        this.publicUrl = publicUrl;
    }

    /** Notes, on the caller's transaction, that a verification e-mail goes out to {@code userId} now. */
    Future<Void> recordSend(SqlClient tx, UUID userId) {
        return tx.preparedQuery("insert into email_verification_sends (user_id, last_sent_at) values ($1, now())"
                        + " on conflict (user_id) do update set last_sent_at = now()")
                .execute(Tuple.of(userId))
                .mapEmpty();
    }

    /** Mails the link to the account's address; a refusal of the mail server is logged, never the link. */
    void send(User user) {
        String link = publicUrl
                + LINK_PATH
                + URLEncoder.encode(tokens.issue(user.id(), user.email()), StandardCharsets.UTF_8);
        String text = "Hello " + user.displayName() + ",\n\nplease confirm that this is your e-mail address for"
                + " HumanChat by opening this link within " + EmailVerificationTokens.TTL.toHours() + " hours:\n\n"
                + link + "\n\nIf you did not sign up, ignore this e-mail.\n";
        mailer.send(new Mailer.Mail(user.email(), "Confirm your e-mail address for HumanChat", text, link))
                .onFailure(e -> LOG.warn("verification e-mail to user {} not sent: {}", user.id(), e.toString()));
    }

    /**
     * Sends the link again: 409 when the address is already verified, 429 (with {@code Retry-After}) within {@link
     * #RESEND_INTERVAL} of the previous e-mail.
     */
    public Future<Void> resend(UUID userId) {
        return pg.withTransaction(tx -> UserReads.findById(tx, userId).compose(found -> {
                    if (found.isEmpty()) {
                        return Future.failedFuture(
                                ProblemException.unauthorized("the account of this token no longer exists"));
                    }
                    if (found.get().emailVerified()) {
                        return Future.failedFuture(
                                ProblemException.conflict("your e-mail address is already verified"));
                    }
                    return tx.preparedQuery("insert into email_verification_sends (user_id, last_sent_at)"
                                    + " values ($1, now()) on conflict (user_id) do update set last_sent_at = now()"
                                    + " where email_verification_sends.last_sent_at <= now() - make_interval(secs => $2)"
                                    + " returning 1")
                            .execute(Tuple.of(userId, (double) RESEND_INTERVAL.toSeconds()))
                            .compose(rows -> rows.size() == 0
                                    ? Future.failedFuture(ProblemException.tooManyRequests(
                                            "a verification e-mail was sent less than " + RESEND_INTERVAL.toSeconds()
                                                    + " seconds ago",
                                            RESEND_INTERVAL.toSeconds()))
                                    : Future.succeededFuture(found.get()));
                }))
                .map(user -> {
                    send(user);
                    return null;
                });
    }

    /**
     * Follows a link: 400 for a malformed, expired or forged token or one signed for another address than the
     * account's; otherwise the address is verified (once) and a listed admin address gains {@code admin}.
     */
    public Future<User> verify(String token) {
        EmailVerificationTokens.Claim claim = tokens.parse(token).orElse(null);
        if (claim == null) {
            return Future.failedFuture(invalidLink());
        }
        return pg.withTransaction(
                tx -> users.findByIdForUpdate(tx, claim.userId()).compose(found -> {
                    if (found.isEmpty() || !tokens.signedFor(claim, found.get().email())) {
                        return Future.failedFuture(invalidLink());
                    }
                    User before = found.get();
                    if (before.emailVerified()) {
                        return Future.succeededFuture(before);
                    }
                    List<String> roles = roleGrants.withListedAdmin(before.email(), true, before.roles());
                    return tx.preparedQuery("update users set email_verified_at = now(), roles = $2, updated_at ="
                                    + " now() where id = $1")
                            .execute(Tuple.tuple().addUUID(before.id()).addArrayOfString(roles.toArray(String[]::new)))
                            .compose(v -> UserReads.findById(tx, before.id()))
                            .map(updated -> {
                                User user = updated.orElseThrow();
                                LOG.info(
                                        "user {} verified their e-mail address{}",
                                        user.id(),
                                        new HashSet<>(roles).equals(new HashSet<>(before.roles()))
                                                ? ""
                                                : "; roles now " + roles);
                                return user;
                            });
                }));
    }

    private static ProblemException invalidLink() {
        return ProblemType.INVALID_VERIFICATION_LINK.with(
                "this verification link is invalid or has expired: ask for a new one");
    }
}
