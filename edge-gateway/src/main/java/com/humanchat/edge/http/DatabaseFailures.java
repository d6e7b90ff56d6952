package com.humanchat.edge.http;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * PostgreSQL being away is an outage, not a bug: a lost or refused connection, a timeout, or a server that is
 * shutting down becomes a 503 problem with {@code Retry-After} (the client retries); anything else stays what it
 * is (an unexpected error is a 500).
 */
public final class DatabaseFailures {

    private DatabaseFailures() {}

    public static Throwable toProblem(Throwable failure) {
        if (failure instanceof ProblemException) {
            return failure;
        }
        boolean outage = failure instanceof PgException pg
                ? isOutage(pg.getSqlState())
                : failure instanceof IOException
                        || failure instanceof ClosedConnectionException
                        || failure instanceof TimeoutException
                        || failure.getClass().getSimpleName().contains("Timeout")
                        || (failure instanceof VertxException
                                && String.valueOf(failure.getMessage())
                                        .toLowerCase(Locale.ROOT)
                                        .contains("connection"));
        return outage ? ProblemException.unavailable("the database is unavailable; retry shortly", 2) : failure;
    }

    /** Connection exceptions (08), insufficient resources (53), operator intervention such as a shutdown (57). */
    private static boolean isOutage(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.startsWith("57"));
    }
}
