package com.humanchat.readmodels.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectRequirementsTest {

    @Test
    void stripesNamesBecomeWordsEachOnceInStripesOrder() {
        assertThat(ConnectRequirements.inWords(List.of(
                        "individual.dob.day",
                        "individual.dob.month",
                        "external_account",
                        "tos_acceptance.date",
                        "tos_acceptance.ip",
                        "individual.address.postal_code")))
                .containsExactly(
                        "Date of birth",
                        "Bank account for payouts",
                        "Accept Stripe's terms of service",
                        "Home address");
    }

    @Test
    void anUnknownRequirementIsWordedFromItsLastPart() {
        assertThat(ConnectRequirements.inWords(List.of("individual.political_exposure")))
                .containsExactly("Political exposure");
    }
}
