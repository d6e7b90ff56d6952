package com.humanchat.readmodels.identity;

import com.humanchat.readmodels.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** How a {@link User} is read from {@code users}: its columns, its row mapping and the lookup by id. */
public final class UserReads {

    /** Every column of {@link User}, from {@code users u}. */
    public static final String USER_COLUMNS = "u.id, u.email, u.display_name, u.roles, u.bio, u.tags, u.price_cents,"
            + " u.currency, u.instant_available, u.manager_id, u.representative_name, u.suspended, u.created_at,"
            + " u.email_verified_at is not null as email_verified, u.avatar_attachment_id";

    private UserReads() {}

    /** The user with {@code id}, on the client it is given (pool or transaction). */
    public static Future<Optional<User>> findById(SqlClient sql, UUID id) {
        return sql.preparedQuery("select " + USER_COLUMNS + " from users u where u.id = $1")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, UserReads::toUser));
    }

    /** A row holding {@link #USER_COLUMNS}. */
    public static User toUser(Row row) {
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
                created.toInstant(),
                row.getBoolean("email_verified"),
                row.getUUID("avatar_attachment_id"));
    }
}
