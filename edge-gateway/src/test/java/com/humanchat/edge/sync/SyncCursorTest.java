package com.humanchat.edge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyncCursorTest {

    @Test
    void roundTripsThroughItsOpaqueToken() {
        SyncCursor cursor = new SyncCursor(123456789L, SyncCursor.MESSAGE, "0a1b-2c:00000000000000000042");
        String token = cursor.encode();
        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(SyncCursor.decode(token)).isEqualTo(cursor);
        assertThat(SyncCursor.decode(SyncCursor.before(7).encode())).isEqualTo(SyncCursor.before(7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage!", "czIuMS4wLg", "czEueC4wLg", "czEuMS43Lg", "czEuLTEuMC4", "%%%"})
    void refusesTokensItDidNotIssue(String token) {
        assertThatThrownBy(() -> SyncCursor.decode(token)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesKeysOutsideItsAlphabet() {
        String token = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("s1.1.0.x' or 1=1".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SyncCursor.decode(token)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersByTransactionThenKindThenKey() {
        SyncCursor before = SyncCursor.before(10);
        SyncCursor conversation = new SyncCursor(10, SyncCursor.CONVERSATION, "b");
        SyncCursor message = new SyncCursor(10, SyncCursor.MESSAGE, "a");
        SyncCursor laterMessage = new SyncCursor(10, SyncCursor.MESSAGE, "b");
        SyncCursor nextTransaction = new SyncCursor(11, SyncCursor.CONVERSATION, "a");
        assertThat(java.util.List.of(nextTransaction, laterMessage, message, conversation, before).stream()
                        .sorted()
                        .toList())
                .containsExactly(before, conversation, message, laterMessage, nextTransaction);
    }
}
