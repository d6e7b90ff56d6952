package com.humanchat.migrations;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the forward-only Flyway migrations under {@code db/migration}; the same ones everywhere. */
public final class Migrations {

    private Migrations() {}

    /** Migrates the database to the newest version and returns how many migrations ran. */
    public static int apply(String jdbcUrl, String user, String password) {
        MigrateResult result = Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
