package com.humanchat.edge.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Every route's failure goes through one mapping: a database outage is a 503 to retry, a bug stays a 500. */
class ProblemResponsesTest {

    @Test
    void aDatabaseOutageFromAnyRouteBecomesA503WithRetryAfter() {
        for (Throwable outage : new Throwable[] {
            new PgException("the database system is shutting down", "FATAL", "57P01", "shutting down"),
            ClosedConnectionException.INSTANCE,
            new IOException("connection refused")
        }) {
            ProblemException problem = ProblemResponses.toProblem(outage, 500);
            assertThat(problem.status()).as(outage.toString()).isEqualTo(503);
            assertThat(problem.headers()).containsKey("Retry-After");
        }
    }

    @Test
    void aRefusedStatementOrAnyOtherExceptionStaysA500() {
        assertThat(ProblemResponses.toProblem(new PgException("syntax", "ERROR", "42601", "bad"), 500)
                        .status())
                .isEqualTo(500);
        assertThat(ProblemResponses.toProblem(new IllegalStateException("bug"), 500)
                        .status())
                .isEqualTo(500);
    }
}
