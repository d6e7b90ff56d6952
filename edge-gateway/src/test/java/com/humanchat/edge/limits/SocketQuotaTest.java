package com.humanchat.edge.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SocketQuotaTest {

    @Test
    void allowsAtMostTheCapPerUserAndFreesSlotsOnRelease() {
        SocketQuota quota = new SocketQuota(2);
        UUID alice = UUID.randomUUID();

        assertThat(quota.tryReserve(alice)).isTrue();
        assertThat(quota.tryReserve(alice)).isTrue();
        assertThat(quota.tryReserve(alice)).isFalse();
        assertThat(quota.tryReserve(UUID.randomUUID()))
                .as("other users are independent")
                .isTrue();

        quota.release(alice);

        assertThat(quota.tryReserve(alice)).isTrue();
        assertThat(quota.reserved(alice)).isEqualTo(2);
    }

    @Test
    void forgetsUsersWithoutSockets() {
        SocketQuota quota = new SocketQuota(1);
        UUID bob = UUID.randomUUID();
        quota.tryReserve(bob);

        quota.release(bob);
        quota.release(bob);

        assertThat(quota.reserved(bob)).isZero();
        assertThat(quota.tryReserve(bob)).isTrue();
    }
}
