package com.humanchat.edge.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProblemTypeTest {

    @Test
    void eachSlugNamesOneProblemWithAnErrorStatus() {
        assertThat(ProblemType.values()).extracting(ProblemType::slug).doesNotHaveDuplicates();
        assertThat(ProblemType.values())
                .allSatisfy(type -> assertThat(type.status()).isBetween(400, 599))
                .allSatisfy(type -> assertThat(type.slug()).matches("[a-z]+(-[a-z]+)*"));
    }

    @Test
    void aProblemCarriesItsTypesStatusSlugAndTitleAndTheSocketCodeFollowsTheSlug() {
        ProblemException problem = ProblemType.STALE_PROPOSAL.with("the price changed");

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.slug()).isEqualTo("stale-proposal");
        assertThat(problem.title()).isEqualTo("Conflict");
        assertThat(problem.getMessage()).isEqualTo("the price changed");
        assertThat(Rejections.code(problem)).isEqualTo("stale_proposal");
        assertThat(ProblemType.RATE_LIMITED.retryAfter("slow down", 7).headers())
                .containsEntry("Retry-After", "7");
        assertThat(Arrays.stream(ProblemType.values())
                        .filter(t -> t.status() == 404)
                        .map(ProblemType::slug))
                .contains("unknown-conversation", "unknown-session", "unknown-request", "unknown-payment");
    }
}
