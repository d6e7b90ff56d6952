package com.humanchat.edge.requests.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.http.Refusal;
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

    private String asking(UUID from, HostFacts host, boolean pending) {
        return Refusal.of(RequestAdmission.creation(from, hostId, host, pending));
    }

    @Test
    void admitsARequestToAManagedHost() {
        assertThat(asking(requester, managed(), false)).isEqualTo("admitted");
    }

    @Test
    void nobodyAsksToReachThemself() {
        assertThat(asking(hostId, managed(), false))
                .isEqualTo("422 unprocessable /hostUserId: you cannot ask to reach yourself");
    }

    @Test
    void refusesAnUnknownUserANonHostAndASuspendedHostAlike() {
        for (HostFacts notBookable :
                new HostFacts[] {null, host(Set.of("user"), false, manager), host(Set.of("host"), true, manager)}) {
            assertThat(asking(requester, notBookable, false))
                    .isEqualTo("422 unprocessable /hostUserId: no host " + hostId);
        }
    }

    @Test
    void aHostWithoutAManagerIsReachedDirectly() {
        assertThat(asking(requester, host(Set.of("host"), false, null), false))
                .isEqualTo("422 unprocessable /hostUserId: this host takes no managed requests: open a conversation"
                        + " with them directly");
    }

    @Test
    void theManagerDoesNotAskThemself() {
        assertThat(asking(manager, managed(), false))
                .isEqualTo("422 unprocessable /hostUserId: you manage this host: open a conversation directly");
    }

    @Test
    void oneRequestPendingPerHost() {
        assertThat(asking(requester, managed(), true))
                .isEqualTo("409 request-pending: you already have a pending request to this host");
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
