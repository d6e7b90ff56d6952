package com.humanchat.readmodels;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** What a read model answers from a query's rows: the one row it looked up, or every row in the query's order. */
public final class Rows {

    private Rows() {}

    /** The first row as {@code read} makes it; empty when the query found none (or {@code read} made null of it). */
    public static <T> Optional<T> first(RowSet<Row> rows, Function<Row, T> read) {
        RowIterator<Row> found = rows.iterator();
        return found.hasNext() ? Optional.ofNullable(read.apply(found.next())) : Optional.empty();
    }

    /** Every row as {@code read} makes it, in the query's order. */
    public static <T> List<T> all(RowSet<Row> rows, Function<Row, T> read) {
        List<T> all = new ArrayList<>(rows.size());
        rows.forEach(row -> all.add(read.apply(row)));
        return all;
    }
}
