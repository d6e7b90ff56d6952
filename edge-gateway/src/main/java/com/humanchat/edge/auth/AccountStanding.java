package com.humanchat.edge.auth;

import com.humanchat.edge.http.ProblemException;
import com.humanchat.readmodels.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

/**
 * What an account may do right now, read from PostgreSQL at the moment of every privileged decision (never from the
 * roles an access token was minted with): a demoted admin, manager or host loses the power with the next call.
 */
public final class AccountStanding {

    /** The account's current roles, whether its address is verified and whether it is suspended. */
    public record Standing(UUID id, Set<String> roles, boolean emailVerified, boolean suspended) {

        /** Holds {@code role} and is not suspended. */
        public boolean holds(String role) {
            return !suspended && roles.contains(role);
        }
    }

    private final Pool pg;

    public AccountStanding(Pool pg) {
        this.pg = pg;
    }

    /** The account's standing now; 401 if the account no longer exists. */
    public Future<Standing> of(UUID userId) {
        return pg.preparedQuery("select roles, email_verified_at is not null as verified, suspended from users"
                        + " where id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> Rows.first(
                                rows,
                                row -> new Standing(
                                        userId,
                                        Set.copyOf(Arrays.asList(row.getArrayOfStrings("roles"))),
                                        row.getBoolean("verified"),
                                        row.getBoolean("suspended")))
                        .orElseThrow(
                                () -> ProblemException.unauthorized("the account of this token no longer exists")));
    }

    /** Whether the account holds {@code role} now (and is not suspended). */
    public Future<Boolean> holds(UUID userId, String role) {
        return of(userId).map(standing -> standing.holds(role));
    }

    /** Succeeds when the account's address is verified, else fails with 403 {@code email-unverified}. */
    public Future<Standing> requireVerified(UUID userId, String forWhat) {
        return of(userId)
                .compose(standing -> standing.emailVerified()
                        ? Future.succeededFuture(standing)
                        : Future.failedFuture(ProblemException.emailUnverified(forWhat)));
    }
}
