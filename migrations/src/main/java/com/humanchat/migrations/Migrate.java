package com.humanchat.migrations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the migration step (compose service, Helm pre-install Job): migrates the database named by
 * {@code HUMANCHAT_PG_URL} and exits 0, or exits 1 with the reason.
 */
public final class Migrate {

    private static final Logger LOG = LoggerFactory.getLogger(Migrate.class);

    private Migrate() {}

    public static void main(String[] args) {
        try {
            PostgresUrl url = PostgresUrl.fromEnv(System.getenv());
            int applied = Migrations.apply(url.jdbcUrl(), url.user(), url.password());
            LOG.info("database migrated: {} migration(s) applied", applied);
        } catch (RuntimeException e) {
            LOG.error("migration failed: {}", e.getMessage(), e);
            System.exit(1);
        }
    }
}
