package com.humanchat.notifier;

import com.humanchat.infra.embedded.DatabaseCoordinates;
import com.humanchat.migrations.PostgresUrl;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** What the notifier's tests start from: users as the edge registers them, sessions as the topology describes them. */
final class NotifierFixtures {

    private NotifierFixtures() {}

    /** A new free session of {@code guest} with {@code host}; {@code start} null = instant. */
    static Session freeSession(UUID guest, UUID host, Instant start, int minutes, SessionStatus status) {
        return new Session(
                UUID.randomUUID(),
                guest,
                host,
                UUID.randomUUID(),
                start,
                minutes,
                Money.of(0, "usd"),
                PaymentMode.FREE,
                status,
                Instant.now(),
                Instant.now(),
                null,
                null,
                null,
                null);
    }

    static PostgresUrl postgresUrl(DatabaseCoordinates db) {
        return new PostgresUrl(db.host(), db.port(), db.database(), db.user(), db.password());
    }

    /** A user with a verified address. */
    static UUID user(DatabaseCoordinates db, String name, String email) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                PreparedStatement insert = c.prepareStatement(
                        "insert into users (id, email, display_name, email_verified_at) values (?, ?, ?, now())")) {
            insert.setObject(1, id);
            insert.setString(2, email);
            insert.setString(3, name);
            insert.executeUpdate();
        }
        return id;
    }
}
