package com.humanchat.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresServerAddressTest {

    @Test
    void readsAJdbcUrlWithItsUserParameter() {
        PostgresServerAddress address =
                PostgresServerAddress.parse("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

        assertThat(address).isEqualTo(new PostgresServerAddress("127.0.0.1", 5432, "postgres", "", "postgres"));
    }

    @Test
    void readsAJdbcUrlWithAPassword() {
        PostgresServerAddress address =
                PostgresServerAddress.parse("jdbc:postgresql://db.internal:6543/app?user=chat&password=s%26cret");

        assertThat(address).isEqualTo(new PostgresServerAddress("db.internal", 6543, "chat", "s&cret", "app"));
    }

    @Test
    void readsALibpqUrlWithUserAndPassword() {
        assertThat(PostgresServerAddress.parse("postgresql://chat:pw@localhost:5433/main"))
                .isEqualTo(new PostgresServerAddress("localhost", 5433, "chat", "pw", "main"));
        assertThat(PostgresServerAddress.parse("postgres://chat@localhost/main"))
                .isEqualTo(new PostgresServerAddress("localhost", 5432, "chat", "", "main"));
    }

    @Test
    void fillsInTheDefaults() {
        assertThat(PostgresServerAddress.parse("postgresql://127.0.0.1"))
                .isEqualTo(new PostgresServerAddress("127.0.0.1", 5432, "postgres", "", "postgres"));
    }

    @Test
    void rejectsOtherSchemesWithoutEchoingThePassword() {
        assertThatThrownBy(() -> PostgresServerAddress.parse("mysql://root:hunter2@localhost/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with postgresql://")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> PostgresServerAddress.parse("jdbc:mysql://localhost/db?password=hunter2"))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void neverPrintsThePassword() {
        PostgresServerAddress address = new PostgresServerAddress("h", 5432, "u", "hunter2", "postgres");

        assertThat(address.toString()).doesNotContain("hunter2");
        assertThat(address.jdbcUrl("app")).isEqualTo("jdbc:postgresql://h:5432/app?user=u");
        assertThat(address.coordinates("app"))
                .isEqualTo(new DatabaseCoordinates(
                        "jdbc:postgresql://h:5432/app?user=u", "u", "hunter2", "h", 5432, "app"));
    }

    @Test
    void acceptsOnlyNamesThatNeedNoQuoting() {
        PostgresServerAddress.requireDatabaseName("chat_test_1");

        assertThatThrownBy(() -> PostgresServerAddress.requireDatabaseName("x\"; drop database postgres; --"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostgresServerAddress.requireDatabaseName("Upper"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostgresServerAddress.requireDatabaseName("a".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
