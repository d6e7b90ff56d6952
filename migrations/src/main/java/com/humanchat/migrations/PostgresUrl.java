package com.humanchat.migrations;

import com.humanchat.schemas.config.Settings;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where PostgreSQL is, read from {@code HUMANCHAT_PG_URL} in either form operators write:
 * {@code postgresql://user:password@host:port/database} or {@code jdbc:postgresql://host:port/database?user=…&password=…}
 * (also {@code postgres://}). Missing parts default as libpq users expect: port 5432, user and database
 * {@code postgres}, empty password; query parameters win over the user-info part.
 */
public record PostgresUrl(String host, int port, String database, String user, String password) {

    public static final String VARIABLE = Settings.PG_URL.name();

    public PostgresUrl {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(VARIABLE + " has no host");
        }
        database = database == null || database.isBlank() ? "postgres" : database;
        user = user == null || user.isBlank() ? "postgres" : user;
        password = password == null ? "" : password;
    }

    public static PostgresUrl fromEnv(Map<String, String> env) {
        String value = env.get(VARIABLE);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(VARIABLE + " is not set");
        }
        return parse(value);
    }

    public static PostgresUrl parse(String url) {
        String plain = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
        if (!plain.startsWith("postgresql://") && !plain.startsWith("postgres://")) {
            throw new IllegalArgumentException(
                    VARIABLE + " must start with postgresql:// or jdbc:postgresql://, was " + redact(url));
        }
        URI uri;
        try {
            uri = URI.create(plain);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(VARIABLE + " is not a valid URL: " + redact(url), e);
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        Map<String, String> query = queryOf(uri.getRawQuery());
        user = query.getOrDefault("user", user);
        password = query.getOrDefault("password", password);
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        return new PostgresUrl(uri.getHost(), uri.getPort() == -1 ? 5432 : uri.getPort(), database, user, password);
    }

    /** The JDBC URL, credentials excluded (pass them separately). */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The same server with another database (tests and the standalone create their own). */
    public PostgresUrl withDatabase(String otherDatabase) {
        return new PostgresUrl(host, port, otherDatabase, user, password);
    }

    private static Map<String, String> queryOf(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            values.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
        }
        return values;
    }

    /** The URL without anything that could be a password, for error messages. */
    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("//([^/@:]*):[^/@]*@", "//$1:***@");
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "PostgresUrl[" + user + "@" + host + ":" + port + "/" + database + "]";
    }
}
