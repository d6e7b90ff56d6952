package com.humanchat.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresUrlTest {

    @Test
    void readsTheLibpqForm() {
        PostgresUrl url = PostgresUrl.parse("postgresql://chat:s%40cret@db.internal:6543/humanchat");

        assertThat(url).isEqualTo(new PostgresUrl("db.internal", 6543, "humanchat", "chat", "s@cret"));
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/humanchat");
    }

    @Test
    void readsTheJdbcFormWithCredentialsInTheQuery() {
        PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://127.0.0.1/test?user=postgres&password=pw");

        assertThat(url).isEqualTo(new PostgresUrl("127.0.0.1", 5432, "test", "postgres", "pw"));
    }

    @Test
    void defaultsToThePostgresUserWithoutPassword() {
        assertThat(PostgresUrl.parse("postgresql://127.0.0.1:5432/postgres").user())
                .isEqualTo("postgres");
    }

    @Test
    void namesTheVariableWhenMissingOrMalformed() {
        assertThatThrownBy(() -> PostgresUrl.fromEnv(Map.of())).hasMessageContaining("HUMANCHAT_PG_URL is not set");
        assertThatThrownBy(() -> PostgresUrl.parse("mysql://x/y")).hasMessageContaining("HUMANCHAT_PG_URL");
        assertThatThrownBy(() -> PostgresUrl.parse("mysql://root:hunter2@localhost/db"))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(PostgresUrl.parse("postgresql://u:topsecret@h/db").toString())
                .doesNotContain("topsecret");
    }
}
