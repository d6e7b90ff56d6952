package com.humanchat.edge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cursor only moves past rows no running transaction can still precede (docs/architecture.md). */
class SyncPageTest {

    private static final SyncCursor SINCE = SyncCursor.before(100);

    private static SyncService.Change change(long tx, int kind, String key) {
        return new SyncService.Change(new SyncCursor(tx, kind, key), new JsonObject().put("tx", tx));
    }

    @Test
    void aCompletePageMovesTheCursorToJustBeforeTheOldestRunningTransaction() {
        List<SyncService.Change> rows = List.of(change(101, 1, "a"), change(150, 1, "b"));
        SyncPage page = SyncService.page(rows, SINCE, 120, 10);
        assertThat(page.limited()).isFalse();
        assertThat(page.items()).hasSize(2);
        // the row of tx 150 is returned, but may be preceded by a transaction >= 120 still running: it comes again
        assertThat(page.next()).isEqualTo(SyncCursor.before(120));
    }

    @Test
    void aFullPageMovesTheCursorOnlyPastItsStableRows() {
        List<SyncService.Change> rows =
                List.of(change(101, 1, "a"), change(105, 2, "c"), change(130, 1, "b"), change(131, 1, "c"));
        SyncPage page = SyncService.page(rows, SINCE, 120, 3);
        assertThat(page.limited()).isTrue();
        assertThat(page.items()).hasSize(3);
        assertThat(page.next()).isEqualTo(new SyncCursor(105, 2, "c"));
    }

    @Test
    void aFullPageOfUnstableRowsKeepsTheCursor() {
        List<SyncService.Change> rows = List.of(change(130, 1, "a"), change(131, 1, "b"));
        SyncPage page = SyncService.page(rows, SINCE, 120, 1);
        assertThat(page.limited()).isTrue();
        assertThat(page.next()).isEqualTo(SINCE);
    }

    @Test
    void theCursorNeverMovesBack() {
        SyncCursor since = new SyncCursor(200, 1, "x");
        SyncPage page = SyncService.page(List.of(), since, 150, 10);
        assertThat(page.next()).isEqualTo(since);
        assertThat(page.items()).isEmpty();
    }
}
