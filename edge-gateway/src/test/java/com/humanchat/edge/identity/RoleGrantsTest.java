package com.humanchat.edge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleGrantsTest {

    private final RoleGrants grants = new RoleGrants(Set.of("Boss@Example.com"));

    @Test
    void everyAccountIsAUser() {
        assertThat(grants.atRegistration(null)).containsExactly("user");
        assertThat(grants.atRegistration("user")).containsExactly("user");
    }

    @Test
    void aHostIsAlsoAUser() {
        assertThat(grants.atRegistration("host")).containsExactly("user", "host");
    }

    /** Issue 23, finding 1: registering a listed address first must not make anyone admin. */
    @Test
    void registrationNeverGrantsAdmin() {
        assertThat(grants.atRegistration("host")).doesNotContain("admin");
    }

    @Test
    void aListedAddressBecomesAdminOnlyOnceVerifiedWhateverItsCase() {
        assertThat(grants.withListedAdmin(" boss@EXAMPLE.com ", false, List.of("user")))
                .containsExactly("user");
        assertThat(grants.withListedAdmin(" boss@EXAMPLE.com ", true, List.of("user", "host")))
                .containsExactly("user", "host", "admin");
    }

    @Test
    void loginAddsAdminOnceAndKeepsStoredRoles() {
        assertThat(grants.withListedAdmin("boss@example.com", true, List.of("user", "manager")))
                .containsExactly("user", "manager", "admin");
        assertThat(grants.withListedAdmin("boss@example.com", true, List.of("admin", "user")))
                .containsExactly("user", "admin");
    }

    @Test
    void loginNeverTakesARoleAway() {
        assertThat(grants.withListedAdmin("someone@example.com", false, List.of("user", "admin")))
                .containsExactly("user", "admin");
    }

    @Test
    void normalisesEmails() {
        assertThat(RoleGrants.normalizeEmail("  Mixed.Case@Example.COM ")).isEqualTo("mixed.case@example.com");
    }
}
