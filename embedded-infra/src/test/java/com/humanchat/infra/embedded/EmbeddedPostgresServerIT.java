package com.humanchat.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerIT {

    @TempDir
    Path dataDir;

    @Test
    void keepsATableAcrossARestartOnTheSameDataDirectoryAndPort() throws Exception {
        int port;
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, 0)) {
            port = postgres.port();
            assertThat(postgres.jdbcUrl("orders"))
                    .isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/orders?user=postgres");

            postgres.createDatabase("orders");
            postgres.createDatabase("orders");

            try (Connection connection = connect(postgres, "orders");
                    Statement statement = connection.createStatement()) {
                assertThat(singleInt(statement, "select 1")).isEqualTo(1);
                statement.execute("create table placed_order (id int primary key)");
                statement.execute("insert into placed_order values (42)");
            }
        }

        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, port)) {
            assertThat(postgres.port()).isEqualTo(port);
            try (Connection connection = connect(postgres, "orders");
                    Statement statement = connection.createStatement()) {
                assertThat(singleInt(statement, "select id from placed_order")).isEqualTo(42);
            }
        }
    }

    @Test
    void startsOnADataDirectoryWhoseServerOutlivedAKilledJvm() throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        PostgresInAJvmThatGetsKilled.class.getName(),
                        dataDir.toString())
                .redirectErrorStream(true)
                .start();
        try {
            awaitLine(child, PostgresInAJvmThatGetsKilled.READY);
        } finally {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        long orphanPid = Long.parseLong(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().strip());
        assertThat(ProcessHandle.of(orphanPid))
                .hasValueSatisfying(process -> assertThat(process.isAlive()).isTrue());

        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, 0);
                Connection connection = connect(postgres, "survivor");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select text from note")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("written before kill -9");
        }
        assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive)).isEmpty();
    }

    /** Reads the child's output until {@code expected} appears; fails with that output if the child ends first. */
    private static void awaitLine(Process child, String expected) throws IOException {
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.equals(expected)) {
                    return;
                }
                output.append(line).append('\n');
            }
        }
        throw new AssertionError("The child JVM ended before printing " + expected + ":\n" + output);
    }

    private static Connection connect(EmbeddedPostgresServer postgres, String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
    }

    private static int singleInt(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getInt(1);
        }
    }
}
