package com.humanchat.infra.embedded;

/**
 * Everything a client needs to reach one PostgreSQL database: a JDBC URL for JDBC and Flyway, the parts for Vert.x's
 * {@code PgConnectOptions}.
 *
 * @param jdbcUrl {@code jdbc:postgresql://HOST:PORT/DATABASE?user=USER}; it never carries the password, pass
 *     {@link #password()} alongside it
 * @param password empty when the server trusts loopback connections (the embedded server does)
 */
public record DatabaseCoordinates(
        String jdbcUrl, String user, String password, String host, int port, String database) {}
