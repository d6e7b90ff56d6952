package com.humanchat.infra.embedded;

import com.humanchat.migrations.PostgresUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where a PostgreSQL server listens and who to log in as; databases are created and named through it, and a name is
 * always checked before it reaches SQL.
 *
 * @param host a host name or address, as a JDBC URL writes it
 * @param maintenanceDatabase the database to connect to when creating or dropping others (usually {@code postgres})
 * @param password empty for trust authentication
 */
public record PostgresServerAddress(String host, int port, String user, String password, String maintenanceDatabase) {

    /** Lower-case SQL identifiers only: they need no quoting rules and fit PostgreSQL's 63-byte limit. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private static final String DUPLICATE_DATABASE = "42P04";
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    public PostgresServerAddress {
        requireText(host, "host");
        requireText(user, "user");
        requireText(maintenanceDatabase, "maintenanceDatabase");
        FreePort.requireValidPort(port);
        if (port == 0) {
            throw new IllegalArgumentException("port must be 1-65535");
        }
        password = password == null ? "" : password;
    }

    /**
     * Reads the URL an operator puts in {@code HUMANCHAT_PG_URL}: either JDBC form
     * ({@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=secret}) or libpq form
     * ({@code postgresql://user:secret@host:port/db}, also {@code postgres://}). A missing port is 5432, a missing user
     * {@code postgres}, a missing database {@code postgres}, a missing password empty. The database named becomes the
     * maintenance database.
     */
    public static PostgresServerAddress parse(String url) {
        requireText(url, "url");
        PostgresUrl parsed = PostgresUrl.parse(url.strip());
        return new PostgresServerAddress(
                parsed.host(), parsed.port(), parsed.user(), parsed.password(), parsed.database());
    }

    /** {@code jdbc:postgresql://HOST:PORT/DATABASE?user=USER}; the password is never put in the URL. */
    public String jdbcUrl(String database) {
        requireText(database, "database");
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?user="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
    }

    public DatabaseCoordinates coordinates(String database) {
        return new DatabaseCoordinates(jdbcUrl(database), user, password, host, port, database);
    }

    /** Opens a JDBC connection to {@code database} with this address's credentials. */
    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    /**
     * Creates the database unless it exists (PostgreSQL has no {@code CREATE DATABASE IF NOT EXISTS}).
     *
     * @param name lower-case letters, digits and underscores, starting with a letter or underscore, at most 63
     * @return true if this call created it
     */
    public boolean createDatabaseIfAbsent(String name) {
        requireDatabaseName(name);
        try (Connection connection = connect(maintenanceDatabase)) {
            try (PreparedStatement exists =
                    connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return false;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + name + "\"");
                return true;
            } catch (SQLException e) {
                if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
                    return false; // created meanwhile by another connection
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on " + host + ":" + port, e);
        }
    }

    /** Drops the database if it exists, disconnecting its clients first (PostgreSQL 13+). */
    public void dropDatabaseIfExists(String name) {
        requireDatabaseName(name);
        try (Connection connection = connect(maintenanceDatabase);
                Statement drop = connection.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop database " + name + " on " + host + ":" + port, e);
        }
    }

    static void requireDatabaseName(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database name must match " + DATABASE_NAME.pattern() + ", was " + name);
        }
    }

    @Override
    public String toString() {
        return "PostgresServerAddress[" + user + "@" + host + ":" + port + "/" + maintenanceDatabase + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
