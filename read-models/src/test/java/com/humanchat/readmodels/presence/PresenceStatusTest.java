package com.humanchat.readmodels.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PresenceStatusTest {

    @Test
    void theEffectiveStatusIsTheMostAvailableOfTheLiveKeys() {
        assertThat(PresenceStatus.effective(List.of())).isEqualTo("offline");
        assertThat(PresenceStatus.effective(List.of("away"))).isEqualTo("away");
        assertThat(PresenceStatus.effective(List.of("away", "busy"))).isEqualTo("busy");
        assertThat(PresenceStatus.effective(List.of("busy", "online", "away"))).isEqualTo("online");
        assertThat(PresenceStatus.effective(List.of("something-else"))).isEqualTo("online");
    }

    @Test
    void knowsTheFourStatusesOnly() {
        assertThat(List.of("online", "away", "busy", "offline")).allMatch(PresenceStatus::isKnown);
        assertThat(PresenceStatus.isKnown("invisible")).isFalse();
        assertThat(PresenceStatus.isKnown(null)).isFalse();
    }
}
