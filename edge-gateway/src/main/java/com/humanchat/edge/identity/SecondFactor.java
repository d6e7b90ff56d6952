package com.humanchat.edge.identity;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.util.UUID;

/** The second step of a sign-in whose password was right (two-factor sign-in, when the account has it on). */
public interface SecondFactor {

    /**
     * Passes, on the sign-in's transaction, when the account needs no second factor or {@code code} proves it (and is
     * then spent); fails with a 401 problem otherwise.
     */
    Future<Void> checkAtSignIn(SqlClient transaction, UUID userId, String code);
}
