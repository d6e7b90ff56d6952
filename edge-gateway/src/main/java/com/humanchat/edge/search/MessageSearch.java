package com.humanchat.edge.search;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Full-text search over the messages of the conversations {@code viewer} is a member of (V71's {@code search_vector}
 * and its GIN index), ranked by {@code ts_rank}. Membership is part of the query, so a conversation the viewer is not
 * in contributes nothing, not even a count. Snippets come back as segments ({@code {text, match}}) rather than
 * markup, so no message text is ever interpreted as HTML.
 */
public final class MessageSearch {

    /**
     * Mark a match inside {@code ts_headline}'s output: control characters no keyboard types (a message that holds them
     * anyway only gets its own snippet cut oddly).
     */
    private static final String START = "\u0002";

    private static final String STOP = "\u0003";

    /** $1 viewer, $2 query text, $3/$4/$5 the keyset position (null for the first page), $6 limit. */
    private static final String SEARCH =
            """
            with q as (select websearch_to_tsquery('english', $2) as query),
            hits as (
                select m.conversation_id, m.seq, m.sender_id, m.sent_at, m.content, c.type,
                       ts_rank(m.search_vector, q.query) as rank
                  from q, participants p
                  join conversations c on c.id = p.conversation_id
                  join messages m on m.conversation_id = p.conversation_id
                 where p.user_id = $1 and p.member and m.search_vector @@ q.query and m.deleted_at is null),
            page as (
                select * from hits
                 where $3::real is null or (rank, conversation_id, seq) < ($3::real, $4::uuid, $5::int8)
                 order by rank desc, conversation_id desc, seq desc
                 limit $6)
            select page.*, u.display_name,
                   ts_headline('english', page.content, q.query,
                               'StartSel=' || chr(2) || ', StopSel=' || chr(3)
                               || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') as snippet
              from page cross join q left join users u on u.id = page.sender_id
             order by rank desc, conversation_id desc, seq desc""";

    /** One page of hits and the position after its last one (null when there is no further page). */
    public record Page(List<JsonObject> items, SearchCursor next) {}

    private final Pool pg;

    public MessageSearch(Pool pg) {
        this.pg = pg;
    }

    Future<Page> search(UUID viewer, String query, SearchCursor after, int limit) {
        Tuple args = Tuple.of(viewer, query)
                .addValue(after == null ? null : after.rank())
                .addValue(after == null ? null : after.conversationId())
                .addValue(after == null ? null : after.seq())
                .addInteger(limit + 1);
        return pg.preparedQuery(SEARCH).execute(args).map(rows -> {
            List<JsonObject> items = new ArrayList<>();
            SearchCursor next = null;
            for (Row row : rows) {
                if (items.size() == limit) {
                    JsonObject last = items.getLast();
                    next = new SearchCursor(
                            last.getFloat("rank"),
                            UUID.fromString(last.getString("conversationId")),
                            last.getLong("seq"));
                    break;
                }
                items.add(hit(row));
            }
            return new Page(items, next);
        });
    }

    private static JsonObject hit(Row row) {
        return new JsonObject()
                .put("conversationId", row.getUUID("conversation_id").toString())
                .put("conversationType", row.getString("type"))
                .put("seq", row.getLong("seq"))
                .put("senderId", row.getUUID("sender_id").toString())
                .put("senderName", row.getString("display_name"))
                .put("timestamp", row.getOffsetDateTime("sent_at").toInstant().toString())
                .put("rank", row.getFloat("rank"))
                .put("snippet", segments(row.getString("snippet")));
    }

    /** {@code ts_headline}'s output split at the match markers into {@code [{text, match}]}. */
    static JsonArray segments(String headline) {
        JsonArray segments = new JsonArray();
        int at = 0;
        while (at < headline.length()) {
            int start = headline.indexOf(START, at);
            if (start < 0) {
                segments.add(segment(headline.substring(at), false));
                break;
            }
            if (start > at) {
                segments.add(segment(headline.substring(at, start), false));
            }
            int stop = headline.indexOf(STOP, start);
            int end = stop < 0 ? headline.length() : stop;
            segments.add(segment(headline.substring(start + 1, end), true));
            at = stop < 0 ? headline.length() : stop + 1;
        }
        return segments;
    }

    private static JsonObject segment(String text, boolean match) {
        return new JsonObject().put("text", text).put("match", match);
    }
}
