package com.humanchat.edge.safety;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/** Whether one user blocks another, read from {@code user_blocks} (for admission rules decided at the edge: tips). */
public final class BlockReads {

    private final SqlClient sql;

    public BlockReads(SqlClient sql) {
        this.sql = sql;
    }

    public Future<Boolean> blocks(UUID blockerId, UUID blockedId) {
        return sql.preparedQuery("select 1 from user_blocks where blocker_id = $1 and blocked_id = $2")
                .execute(Tuple.of(blockerId, blockedId))
                .map(rows -> rows.size() > 0);
    }
}
