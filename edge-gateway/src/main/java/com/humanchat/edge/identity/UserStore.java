package com.humanchat.edge.identity;

import com.humanchat.readmodels.Rows;
import com.humanchat.readmodels.identity.User;
import com.humanchat.readmodels.identity.UserReads;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The edge's own SQL for {@code users} and {@code credentials} (sign-up, sign-in, profile and role changes); the
 * reads it shares with the Sam worker are {@link UserReads}. Every method runs on the client it is given (pool or
 * transaction).
 */
public final class UserStore {

    /** SQLSTATE of a unique violation; the only one on {@code users} is the case-insensitive email. */
    static final String UNIQUE_VIOLATION = "23505";

    /** A user with the password hash to check a login against. */
    record UserWithCredentials(User user, String passwordHash) {}

    Future<Boolean> emailTaken(SqlClient sql, String normalizedEmail) {
        return sql.preparedQuery("select 1 from users where lower(email) = $1")
                .execute(Tuple.of(normalizedEmail))
                .map(rows -> rows.size() > 0);
    }

    Future<User> insert(SqlClient sql, UUID id, String email, String displayName, List<String> roles) {
        return sql.preparedQuery("insert into users as u (id, email, display_name, roles) values ($1, $2, $3, $4)"
                        + " returning " + UserReads.USER_COLUMNS)
                .execute(Tuple.tuple()
                        .addUUID(id)
                        .addString(email)
                        .addString(displayName)
                        .addArrayOfString(roles.toArray(String[]::new)))
                .map(rows -> UserReads.toUser(rows.iterator().next()));
    }

    Future<Void> insertCredentials(SqlClient sql, UUID userId, String passwordHash) {
        return sql.preparedQuery("insert into credentials (user_id, password_hash) values ($1, $2)")
                .execute(Tuple.of(userId, passwordHash))
                .mapEmpty();
    }

    Future<Optional<UserWithCredentials>> findForLogin(SqlClient sql, String normalizedEmail) {
        return sql.preparedQuery("select " + UserReads.USER_COLUMNS + ", c.password_hash from users u"
                        + " join credentials c on c.user_id = u.id where lower(u.email) = $1")
                .execute(Tuple.of(normalizedEmail))
                .map(rows -> Rows.first(
                        rows, row -> new UserWithCredentials(UserReads.toUser(row), row.getString("password_hash"))));
    }

    /**
     * The account, its row locked until the end of the transaction against other writers (not against foreign-key
     * checks: {@code for no key update}, so two users naming each other as manager do not deadlock).
     */
    Future<Optional<User>> findByIdForUpdate(SqlClient transaction, UUID id) {
        return transaction
                .preparedQuery("select " + UserReads.USER_COLUMNS + " from users u where u.id = $1 for no key update")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, UserReads::toUser));
    }

    /** Writes the profile fields of {@code user} (not its email, roles or suspension) and returns the stored row. */
    Future<User> updateProfile(SqlClient sql, User user) {
        return sql.preparedQuery("update users as u set display_name = $2, bio = $3, tags = $4, price_cents = $5,"
                        + " currency = $6, instant_available = $7, manager_id = $8, representative_name = $9,"
                        + " updated_at = now() where u.id = $1 returning " + UserReads.USER_COLUMNS)
                .execute(Tuple.tuple()
                        .addUUID(user.id())
                        .addString(user.displayName())
                        .addString(user.bio())
                        .addArrayOfString(user.tags().toArray(String[]::new))
                        .addLong(user.priceCents())
                        .addString(user.currency())
                        .addBoolean(user.instantAvailable())
                        .addUUID(user.managerId())
                        .addString(user.representativeName()))
                .map(rows -> UserReads.toUser(rows.iterator().next()));
    }

    Future<Void> updateRoles(SqlClient sql, UUID id, List<String> roles) {
        return sql.preparedQuery("update users set roles = $2, updated_at = now() where id = $1")
                .execute(Tuple.tuple().addUUID(id).addArrayOfString(roles.toArray(String[]::new)))
                .mapEmpty();
    }
}
