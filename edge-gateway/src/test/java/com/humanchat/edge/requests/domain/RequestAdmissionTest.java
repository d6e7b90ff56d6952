package com.humanchat.edge.requests.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.http.ProblemException;
import com.humanchat.readmodels.hosts.HostFacts;
import com.humanchat.readmodels.hosts.HostOffer;
import com.humanchat.schemas.requests.ManagedRequest;
import com.humanchat.schemas.requests.RequestStatus;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestAdmissionTest {

    private final UUID requester = UUID.randomUUID();
    private final UUID hostId = UUID.randomUUID();
    private final UUID manager = UUID.randomUUID();

    private HostFacts host(Set<String> roles, boolean suspended, UUID managerId) {
        return new HostFacts(
                hostId, "Paula", roles, suspended, false, managerId, "Rita", new HostOffer(null, null, false), null);
    }

    private HostFacts managed() {
        return host(Set.of("host"), false, manager);
    }

    @Test
    void admitsARequestToAManagedHost() {
        assertThat(RequestAdmission.creation(requester, hostId, managed(), false))
                .isEmpty();
    }

    @Test
    void nobodyAsksToReachThemself() {
        assertThat(RequestAdmission.creation(hostId, hostId, managed(), false))
                .get()
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.getMessage()).isEqualTo("you cannot ask to reach yourself");
                    assertThat(problem.errors())
                            .extracting(ProblemException.FieldError::field)
                            .containsExactly("/hostUserId");
                });
    }

    @Test
    void refusesAnUnknownUserANonHostAndASuspendedHostAlike() {
        for (HostFacts notBookable :
                new HostFacts[] {null, host(Set.of("user"), false, manager), host(Set.of("host"), true, manager)}) {
            assertThat(RequestAdmission.creation(requester, hostId, notBookable, false))
                    .get()
                    .extracting(ProblemException::getMessage)
                    .isEqualTo("no host " + hostId);
        }
    }

    @Test
    void aHostWithoutAManagerIsReachedDirectly() {
        assertThat(RequestAdmission.creation(requester, hostId, host(Set.of("host"), false, null), false))
                .get()
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.getMessage())
                            .isEqualTo("this host takes no managed requests: open a conversation with them directly");
                });
    }

    @Test
    void theManagerDoesNotAskThemself() {
        assertThat(RequestAdmission.creation(manager, hostId, managed(), false))
                .get()
                .extracting(ProblemException::getMessage)
                .isEqualTo("you manage this host: open a conversation directly");
    }

    @Test
    void oneRequestPendingPerHost() {
        assertThat(RequestAdmission.creation(requester, hostId, managed(), true))
                .get()
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(409);
                    assertThat(problem.slug()).isEqualTo("request-pending");
                });
    }

    @Test
    void aRequestIsReadByItsRequesterAnAdminOrTheHostsManagerOnly() {
        ManagedRequest request = new ManagedRequest(
                UUID.randomUUID(),
                requester,
                hostId,
                manager,
                "Rita",
                "hello",
                RequestStatus.PENDING,
                null,
                Instant.parse("2026-12-01T10:00:00Z"),
                null,
                null,
                null,
                null,
                "Rob",
                "Paula");
        UUID someoneElse = UUID.randomUUID();

        assertThat(RequestAdmission.mayRead(request, requester, false, false)).isTrue();
        assertThat(RequestAdmission.mayRead(request, someoneElse, true, false)).isTrue();
        assertThat(RequestAdmission.mayRead(request, manager, false, true)).isTrue();
        assertThat(RequestAdmission.mayRead(request, someoneElse, false, false)).isFalse();
    }
}
