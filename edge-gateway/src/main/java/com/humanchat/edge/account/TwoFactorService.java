package com.humanchat.edge.account;

import com.humanchat.edge.account.domain.RecoveryCodes;
import com.humanchat.edge.account.domain.TotpCodes;
import com.humanchat.edge.auth.RefreshTokens;
import com.humanchat.edge.http.ProblemType;
import com.humanchat.edge.identity.SecondFactor;
import com.humanchat.readmodels.Rows;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Two-factor sign-in (TOTP, RFC 6238) of an account: enrol (a new secret and its {@code otpauth://} URI), confirm with a
 * code from the app (which turns it on and hands out the recovery codes, once), turn off with a code, and the check
 * at sign-in. A code is accepted once: the step it belongs to is recorded in the same statement that accepts it, so
 * two sign-ins racing with one code cannot both pass. Wrong codes at sign-in are counted by the sign-in limits in front
 * of {@code POST /api/auth/login} (per address and per account).
 */
public final class TwoFactorService implements SecondFactor {

    static final String ISSUER = "HumanChat";

    /** What the owner sees of their two-factor sign-in. */
    public record Status(boolean enabled, boolean pending, int recoveryCodesLeft) {}

    /** A started enrolment: the secret to add to an authenticator app. */
    public record Enrolment(String secret, String otpauthUri) {}

    private record Stored(String secret, boolean confirmed, long lastStep) {}

    private final Pool pg;
    private final Clock clock;

    public TwoFactorService(Pool pg, Clock clock) {
        this.pg = pg;
        this.clock = clock;
    }

    public Future<Status> status(UUID userId) {
        return pg.preparedQuery("select t.confirmed_at is not null as confirmed,"
                        + " (select count(*) from two_factor_recovery_codes r where r.user_id = t.user_id"
                        + " and r.used_at is null) as left"
                        + " from two_factor t where t.user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> Rows.first(rows, row -> {
                            boolean confirmed = row.getBoolean("confirmed");
                            return new Status(
                                    confirmed, !confirmed, row.getLong("left").intValue());
                        })
                        .orElse(new Status(false, false, 0)));
    }

    /** Whether the account signs in with a second factor. */
    public Future<Boolean> enabled(UUID userId) {
        return status(userId).map(Status::enabled);
    }

    /**
     * Starts (or restarts) an enrolment with a new secret; nothing changes for sign-in until it is confirmed. 409 when
     * two-factor sign-in is already on.
     */
    public Future<Enrolment> enrol(UUID userId) {
        String secret = TotpCodes.newSecret();
        return pg.withTransaction(tx -> stored(tx, userId, true).compose(found -> {
            if (found.isPresent() && found.get().confirmed()) {
                return Future.failedFuture(ProblemType.CONFLICT.with(
                        "two-factor sign-in is already on; turn it off first to enrol another app"));
            }
            return tx.preparedQuery("insert into two_factor (user_id, secret) values ($1, $2)"
                            + " on conflict (user_id) do update set secret = excluded.secret, last_step = 0,"
                            + " created_at = now()")
                    .execute(Tuple.of(userId, secret))
                    .compose(v -> tx.preparedQuery("select email from users where id = $1")
                            .execute(Tuple.of(userId)))
                    .map(rows -> new Enrolment(
                            secret,
                            TotpCodes.otpauthUri(
                                    secret, ISSUER, rows.iterator().next().getString("email"))));
        }));
    }

    /**
     * Turns two-factor sign-in on once {@code code} proves the app has the secret, and answers the new recovery codes
     * (only their hashes are kept). 409 without a pending enrolment, 422 for a wrong code.
     */
    public Future<List<String>> confirm(UUID userId, String code) {
        List<String> recoveryCodes = RecoveryCodes.generate();
        return pg.withTransaction(tx -> stored(tx, userId, true).compose(found -> {
            if (found.isEmpty() || found.get().confirmed()) {
                return Future.failedFuture(ProblemType.CONFLICT.with(
                        "there is no enrolment waiting for a code: start one with POST /api/me/two-factor"));
            }
            OptionalLong step = TotpCodes.acceptedStep(
                    found.get().secret(), code, clock.instant(), found.get().lastStep());
            if (step.isEmpty()) {
                return Future.failedFuture(ProblemType.UNPROCESSABLE.with(
                        "this is not the app's current code: check the phone's clock and type the code shown now"));
            }
            List<Tuple> hashes = new ArrayList<>();
            for (String recovery : recoveryCodes) {
                hashes.add(Tuple.of(userId, Buffer.buffer(RefreshTokens.hash(RecoveryCodes.normalize(recovery)))));
            }
            return tx.preparedQuery("update two_factor set confirmed_at = now(), last_step = $2 where user_id = $1")
                    .execute(Tuple.of(userId, step.getAsLong()))
                    .compose(v -> tx.preparedQuery("delete from two_factor_recovery_codes where user_id = $1")
                            .execute(Tuple.of(userId)))
                    .compose(v -> tx.preparedQuery(
                                    "insert into two_factor_recovery_codes (user_id, code_hash) values ($1, $2)")
                            .executeBatch(hashes))
                    .map(recoveryCodes);
        }));
    }

    /** Turns two-factor sign-in off, proven by a current code or an unused recovery code; 422 otherwise. */
    public Future<Void> disable(UUID userId, String code) {
        return pg.withTransaction(tx -> stored(tx, userId, true).compose(found -> {
            if (found.isEmpty() || !found.get().confirmed()) {
                return Future.failedFuture(ProblemType.CONFLICT.with("two-factor sign-in is not on"));
            }
            return accept(tx, userId, found.get(), code)
                    .compose(accepted -> accepted
                            ? tx.preparedQuery("delete from two_factor where user_id = $1")
                                    .execute(Tuple.of(userId))
                                    .compose(v -> tx.preparedQuery(
                                                    "delete from two_factor_recovery_codes where user_id = $1")
                                            .execute(Tuple.of(userId)))
                                    .<Void>mapEmpty()
                            : Future.failedFuture(ProblemType.UNPROCESSABLE.with(
                                    "this is neither the app's current code nor an unused recovery code")));
        }));
    }

    /**
     * The second step of a sign-in whose password was right, on the sign-in's transaction: passes when the account has
     * no two-factor sign-in, or {@code code} is its current, unused code or an unused recovery code (which is then
     * spent). 401 {@code two-factor-required} without a code, {@code invalid-two-factor-code} for a wrong or used one.
     */
    @Override
    public Future<Void> checkAtSignIn(SqlClient tx, UUID userId, String code) {
        return stored(tx, userId, false).compose(found -> {
            if (found.isEmpty() || !found.get().confirmed()) {
                return Future.succeededFuture();
            }
            if (code == null || code.isBlank()) {
                return Future.failedFuture(ProblemType.TWO_FACTOR_REQUIRED.with(
                        "this account signs in with a second factor: send the 6-digit code from the authenticator app"
                                + " (or a recovery code) as \"code\""));
            }
            return accept(tx, userId, found.get(), code)
                    .compose(accepted -> accepted
                            ? Future.<Void>succeededFuture()
                            : Future.failedFuture(ProblemType.INVALID_TWO_FACTOR_CODE.with(
                                    "the code is wrong or was already used; wait for the next one")));
        });
    }

    /** Spends {@code code}: a time-based code of a step not used yet, or an unused recovery code. */
    private Future<Boolean> accept(SqlClient tx, UUID userId, Stored stored, String code) {
        if (TotpCodes.looksLikeCode(code)) {
            OptionalLong step = TotpCodes.acceptedStep(stored.secret(), code, clock.instant(), stored.lastStep());
            if (step.isEmpty()) {
                return Future.succeededFuture(false);
            }
            // The step moves forward only if no other sign-in used this step (or a later one) in the meantime.
            return tx.preparedQuery("update two_factor set last_step = $2 where user_id = $1 and last_step < $2")
                    .execute(Tuple.of(userId, step.getAsLong()))
                    .map(rows -> rows.rowCount() == 1);
        }
        return tx.preparedQuery("update two_factor_recovery_codes set used_at = now()"
                        + " where user_id = $1 and code_hash = $2 and used_at is null")
                .execute(Tuple.of(userId, Buffer.buffer(RefreshTokens.hash(RecoveryCodes.normalize(code)))))
                .map(rows -> rows.rowCount() == 1);
    }

    private static Future<Optional<Stored>> stored(SqlClient sql, UUID userId, boolean lock) {
        return sql.preparedQuery("select secret, confirmed_at is not null as confirmed, last_step from two_factor"
                        + " where user_id = $1" + (lock ? " for update" : ""))
                .execute(Tuple.of(userId))
                .map(rows -> Rows.first(
                        rows,
                        row -> new Stored(
                                row.getString("secret"), row.getBoolean("confirmed"), row.getLong("last_step"))));
    }
}
