package com.humanchat.edge.identity;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code users} and {@code credentials}; every method runs on the client it is given (pool or transaction). */
public final class UserStore {

    /** SQLSTATE of a unique violation; the only one on {@code users} is the case-insensitive email. */
    static final String UNIQUE_VIOLATION = "23505";

    /** SQLSTATE of a foreign-key violation; on {@code users} only {@code manager_id} refers to another row. */
    static final String FOREIGN_KEY_VIOLATION = "23503";

    /** Every column of {@link User}, from {@code users u}. */
    static final String USER_COLUMNS = "u.id, u.email, u.display_name, u.roles, u.bio, u.tags, u.price_cents,"
            + " u.currency, u.instant_available, u.manager_id, u.representative_name, u.suspended, u.created_at";

    /** A user with the password hash to check a login against. */
    record UserWithCredentials(User user, String passwordHash) {}

    Future<Boolean> emailTaken(SqlClient sql, String normalizedEmail) {
        return sql.preparedQuery("select 1 from users where lower(email) = $1")
                .execute(Tuple.of(normalizedEmail))
                .map(rows -> rows.size() > 0);
    }

    Future<User> insert(SqlClient sql, UUID id, String email, String displayName, List<String> roles) {
        return sql.preparedQuery("insert into users as u (id, email, display_name, roles) values ($1, $2, $3, $4)"
                        + " returning " + USER_COLUMNS)
                .execute(Tuple.tuple()
                        .addUUID(id)
                        .addString(email)
                        .addString(displayName)
                        .addArrayOfString(roles.toArray(String[]::new)))
                .map(rows -> toUser(rows.iterator().next()));
    }

    Future<Void> insertCredentials(SqlClient sql, UUID userId, String passwordHash) {
        return sql.preparedQuery("insert into credentials (user_id, password_hash) values ($1, $2)")
                .execute(Tuple.of(userId, passwordHash))
                .mapEmpty();
    }

    Future<Optional<UserWithCredentials>> findForLogin(SqlClient sql, String normalizedEmail) {
        return sql.preparedQuery("select " + USER_COLUMNS + ", c.password_hash from users u"
                        + " join credentials c on c.user_id = u.id where lower(u.email) = $1")
                .execute(Tuple.of(normalizedEmail))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(new UserWithCredentials(
                                toUser(rows.iterator().next()),
                                rows.iterator().next().getString("password_hash"))));
    }

    public Future<Optional<User>> findById(SqlClient sql, UUID id) {
        return sql.preparedQuery("select " + USER_COLUMNS + " from users u where u.id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(toUser(rows.iterator().next())));
    }

    /**
     * The account, its row locked until the end of the transaction against other writers (not against foreign-key
     * checks: {@code for no key update}, so two users naming each other as manager do not deadlock).
     */
    Future<Optional<User>> findByIdForUpdate(SqlClient transaction, UUID id) {
        return transaction
                .preparedQuery("select " + USER_COLUMNS + " from users u where u.id = $1 for no key update")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(toUser(rows.iterator().next())));
    }

    /** Writes the profile fields of {@code user} (not its email, roles or suspension) and returns the stored row. */
    Future<User> updateProfile(SqlClient sql, User user) {
        return sql.preparedQuery("update users as u set display_name = $2, bio = $3, tags = $4, price_cents = $5,"
                        + " currency = $6, instant_available = $7, manager_id = $8, representative_name = $9,"
                        + " updated_at = now() where u.id = $1 returning " + USER_COLUMNS)
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
                .map(rows -> toUser(rows.iterator().next()));
    }

    Future<Void> updateRoles(SqlClient sql, UUID id, List<String> roles) {
        return sql.preparedQuery("update users set roles = $2, updated_at = now() where id = $1")
                .execute(Tuple.tuple().addUUID(id).addArrayOfString(roles.toArray(String[]::new)))
                .mapEmpty();
    }

    static User toUser(Row row) {
        OffsetDateTime created = row.getOffsetDateTime("created_at");
        return new User(
                row.getUUID("id"),
                row.getString("email"),
                row.getString("display_name"),
                Arrays.asList(row.getArrayOfStrings("roles")),
                row.getString("bio"),
                Arrays.asList(row.getArrayOfStrings("tags")),
                row.getLong("price_cents"),
                row.getString("currency"),
                row.getBoolean("instant_available"),
                row.getUUID("manager_id"),
                row.getString("representative_name"),
                row.getBoolean("suspended"),
                created.toInstant());
    }
}
