package com.humanchat.infra.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The main class of a child JVM that starts PostgreSQL on a data directory, writes a row, announces {@code READY} and
 * waits to be killed, as a standalone run killed with kill -9 would be.
 */
final class PostgresInAJvmThatGetsKilled {

    static final String READY = "READY";

    private PostgresInAJvmThatGetsKilled() {}

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(Path.of(args[0]), 0);
        postgres.createDatabase("survivor");
        try (Connection connection = DriverManager.getConnection(
                        postgres.jdbcUrl("survivor"), postgres.user(), postgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute("create table note (text text)");
            statement.execute("insert into note values ('written before kill -9')");
        }
        System.out.println(READY);
        System.out.flush();
        Thread.currentThread().join();
    }
}
