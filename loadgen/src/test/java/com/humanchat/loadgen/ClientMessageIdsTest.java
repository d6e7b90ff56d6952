package com.humanchat.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientMessageIdsTest {

    @Test
    void idsAreDistinctVersion4UuidsWithTheRunsPrefix() {
        ClientMessageIds ids = new ClientMessageIds(0x0123456789ABCDEFL);
        Set<String> seen = new HashSet<>();

        for (long k = 0; k < 10_000; k++) {
            String id = ids.of(k);
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id).startsWith("01234567-89ab-4def-");
            assertThat(seen.add(id)).isTrue();
        }
    }

    @Test
    void differentRunsNeverShareAnId() {
        assertThat(new ClientMessageIds(1).of(5)).isNotEqualTo(new ClientMessageIds(2).of(5));
    }
}
