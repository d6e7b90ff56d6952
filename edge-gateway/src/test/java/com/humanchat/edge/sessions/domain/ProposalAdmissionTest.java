package com.humanchat.edge.sessions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.http.ProblemException;
import com.humanchat.schemas.sessions.Money;
import org.junit.jupiter.api.Test;

class ProposalAdmissionTest {

    private static final Money PRICE = Money.of(4_500, "usd");

    @Test
    void admitsAProposalBookedAsItWasProposed() {
        assertThat(ProposalAdmission.refusal(PRICE, PRICE, new ProposalAdmission.Facts(false, false)))
                .isEmpty();
        assertThat(ProposalAdmission.refusal(Money.of(0, "usd"), null, new ProposalAdmission.Facts(false, false)))
                .as("a host without a price is free")
                .isEmpty();
    }

    @Test
    void refusesASecondBookingOfTheSameProposalFirst() {
        assertThat(ProposalAdmission.refusal(PRICE, Money.of(1, "usd"), new ProposalAdmission.Facts(true, true)))
                .get()
                .extracting(ProblemException::slug)
                .isEqualTo("proposal-used");
    }

    @Test
    void saysTheNewPriceWhenItChangedAndThatTheTimeWasTaken() {
        assertThat(ProposalAdmission.refusal(PRICE, Money.of(5_005, "eur"), new ProposalAdmission.Facts(false, false)))
                .get()
                .satisfies(problem -> {
                    assertThat(problem.slug()).isEqualTo("stale-proposal");
                    assertThat(problem.getMessage()).contains("it is now 50.05 EUR");
                });
        assertThat(ProposalAdmission.refusal(PRICE, null, new ProposalAdmission.Facts(false, false)))
                .get()
                .satisfies(problem -> assertThat(problem.getMessage()).contains("it is now free"));
        assertThat(ProposalAdmission.refusal(PRICE, PRICE, new ProposalAdmission.Facts(false, true)))
                .get()
                .satisfies(problem -> assertThat(problem.getMessage()).contains("That time was taken"));
    }
}
