package com.humanchat.edge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleGrantsTest {

    private final RoleGrants grants = new RoleGrants(Set.of("Boss@Example.com"));

    @Test
    void everyAccountIsAUser() {
        assertThat(grants.atRegistration("a@example.com", null)).containsExactly("user");
        assertThat(grants.atRegistration("a@example.com", "user")).containsExactly("user");
    }

    @Test
    void aHostIsAlsoAUser() {
        assertThat(grants.atRegistration("a@example.com", "host")).containsExactly("user", "host");
    }

    @Test
    void listedEmailsBecomeAdminWhateverTheirCase() {
        assertThat(grants.atRegistration(" boss@EXAMPLE.com ", "host")).containsExactly("user", "host", "admin");
    }

    @Test
    void loginAddsAdminOnceAndKeepsStoredRoles() {
        assertThat(grants.atLogin("boss@example.com", List.of("user", "manager")))
                .containsExactly("user", "manager", "admin");
        assertThat(grants.atLogin("boss@example.com", List.of("admin", "user"))).containsExactly("user", "admin");
    }

    @Test
    void loginNeverTakesARoleAway() {
        assertThat(grants.atLogin("someone@example.com", List.of("user", "admin")))
                .containsExactly("user", "admin");
    }

    @Test
    void normalisesEmails() {
        assertThat(RoleGrants.normalizeEmail("  Mixed.Case@Example.COM ")).isEqualTo("mixed.case@example.com");
    }
}
