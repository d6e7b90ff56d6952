package com.humanchat.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeterministicIdsTest {

    private final UUID commandId = UUID.fromString("5d1c2f4e-8b7a-4c3d-9e2f-1a2b3c4d5e6f");

    @Test
    void derivesMessageAndEventIdsFromTheCommandId() {
        assertThat(DeterministicIds.messageId(commandId))
                .isEqualTo(UUID.nameUUIDFromBytes(("message:" + commandId).getBytes(StandardCharsets.UTF_8)));
        assertThat(DeterministicIds.eventId(commandId))
                .isEqualTo(UUID.nameUUIDFromBytes(("event:" + commandId).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void givesDifferentKindsOfIdDifferentValues() {
        assertThat(DeterministicIds.messageId(commandId)).isNotEqualTo(DeterministicIds.eventId(commandId));
        assertThat(DeterministicIds.eventId(commandId)).isNotEqualTo(DeterministicIds.eventId(UUID.randomUUID()));
    }

    @Test
    void givesTheSameUnreadValuesTheSameId() {
        UUID user = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();

        assertThat(DeterministicIds.unreadEventId(user, conversation, new UnreadPosition(5, 2), 7))
                .isEqualTo(DeterministicIds.unreadEventId(user, conversation, new UnreadPosition(5, 2), 7))
                .isNotEqualTo(DeterministicIds.unreadEventId(user, conversation, new UnreadPosition(5, 3), 6));
    }
}
