package com.humanchat.edge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.readmodels.identity.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProfileChangesTest {

    private static final User STORED = new User(
            UUID.randomUUID(),
            "host@example.com",
            "Host",
            List.of("user", "host"),
            "bio",
            List.of("chess"),
            1_000L,
            "eur",
            true,
            UUID.randomUUID(),
            "Agency",
            false,
            Instant.parse("2024-01-01T00:00:00Z"),
            true,
            null);

    @Test
    void normalisesNamesTagsAndCurrency() {
        ProfileChanges changes = new ProfileChanges(
                "  Ada  ", " bio ", List.of("Chess", " chess ", "GO"), null, "USD", null, false, null, true, "   ");

        assertThat(changes.displayName()).isEqualTo("Ada");
        assertThat(changes.bio()).isEqualTo("bio");
        assertThat(changes.tags()).containsExactly("chess", "go");
        assertThat(changes.currency()).isEqualTo("usd");
        assertThat(changes.representativeName()).isNull();
    }

    @Test
    void anEmptyChangeKeepsEverything() {
        ProfileChanges none = new ProfileChanges(null, null, null, null, null, null, false, null, false, null);

        assertThat(none.isEmpty()).isTrue();
        assertThat(none.applyTo(STORED)).isEqualTo(STORED);
    }

    @Test
    void absentFieldsStayAndNullClearsManagerAndRepresentative() {
        ProfileChanges clear = new ProfileChanges(null, null, null, 0L, null, false, true, null, true, null);

        User after = clear.applyTo(STORED);

        assertThat(clear.isEmpty()).isFalse();
        assertThat(after.managerId()).isNull();
        assertThat(after.representativeName()).isNull();
        assertThat(after.priceCents()).isZero();
        assertThat(after.instantAvailable()).isFalse();
        assertThat(after.displayName()).isEqualTo("Host");
        assertThat(after.tags()).containsExactly("chess");
        assertThat(after.roles()).isEqualTo(STORED.roles());
        assertThat(after.email()).isEqualTo(STORED.email());
    }

    @Test
    void aManagerIdWithoutItsFlagIsIgnored() {
        ProfileChanges changes =
                new ProfileChanges(null, null, null, null, null, null, false, UUID.randomUUID(), false, "x");

        assertThat(changes.isEmpty()).isTrue();
        assertThat(changes.applyTo(STORED)).isEqualTo(STORED);
    }
}
