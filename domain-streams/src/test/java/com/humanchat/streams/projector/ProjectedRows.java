package com.humanchat.streams.projector;

import com.humanchat.migrations.PostgresUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Reads the projected tables of one database, as plain maps a test can compare. */
final class ProjectedRows {

    private final PostgresUrl postgres;

    ProjectedRows(PostgresUrl postgres) {
        this.postgres = postgres;
    }

    Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", postgres.user());
        properties.setProperty("password", postgres.password());
        return DriverManager.getConnection(postgres.jdbcUrl(), properties);
    }

    /** Every row of a query, column name → value, in the query's order. */
    List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        Object value = result.getObject(c);
                        // timestamptz comes back as java.sql.Timestamp: compare instants instead.
                        row.put(meta.getColumnName(c), value instanceof Timestamp t ? t.toInstant() : value);
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    Map<String, Object> row(String sql, Object... parameters) {
        List<Map<String, Object>> rows = rows(sql, parameters);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row of " + sql + ", got " + rows);
        }
        return rows.get(0);
    }

    long count(String sql, Object... parameters) {
        return ((Number) row(sql, parameters).values().iterator().next()).longValue();
    }

    /** Every projected row of every table, tx included, in a fixed order: equal snapshots mean nothing changed. */
    Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("conversations", rows("select * from conversations order by id"));
        tables.put("participants", rows("select * from participants order by conversation_id, user_id"));
        tables.put("messages", rows("select * from messages order by conversation_id, seq"));
        tables.put("unread_totals", rows("select * from unread_totals order by user_id"));
        tables.put("sessions", rows("select * from sessions order by id"));
        tables.put("requests", rows("select * from requests order by id"));
        tables.put("request_decisions", rows("select * from request_decisions order by event_id"));
        tables.put("session_reviews", rows("select * from session_reviews order by session_id"));
        return tables;
    }
}
