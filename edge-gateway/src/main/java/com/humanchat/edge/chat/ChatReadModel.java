package com.humanchat.edge.chat;

import com.humanchat.readmodels.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads of the conversation projection (V2 migration) through the reactive PostgreSQL client. Membership is
 * always part of the query: a conversation the viewer is not a member of reads as absent.
 */
public final class ChatReadModel {

    /**
     * The columns of a message row, under the prefix {@code m_}, for {@link ChatJson#message(Row, String, UUID)}; a
     * reply carries the message it quotes as that message reads now (its content is null once it was deleted; its
     * attachments say what a message without text was).
     */
    public static final String MESSAGE_COLUMNS = "m.id as m_id, m.seq as m_seq, m.sender_id as m_sender_id,"
            + " m.client_message_id as m_client_message_id, m.content as m_content, m.type as m_type,"
            + " m.actions as m_actions, m.sent_at as m_sent_at, m.edited_at as m_edited_at,"
            + " m.deleted_at as m_deleted_at, m.attachments as m_attachments, m.reply_to_seq as m_reply_to_seq,"
            + " m.reactions as m_reactions, m.mentioned_user_ids as m_mentioned_user_ids,"
            + " (select json_build_object('seq', q.seq, 'senderId', q.sender_id, 'content', q.content,"
            + "         'attachments', q.attachments,"
            + "         'edited', q.edited_at is not null, 'deleted', q.deleted_at is not null)"
            + "    from messages q where q.conversation_id = m.conversation_id and q.seq = m.reply_to_seq) as m_reply_to";

    /**
     * The conversations of member {@code $1} ({@code p} = the viewer's participants row, {@code c} = the conversation,
     * {@code m} = its latest message); callers append {@code and …} conditions, ordering and limits.
     */
    public static final String CONVERSATION_SELECT = "select c.id, c.type, c.created_at, c.last_activity,"
            + " c.last_seq, c.linked_session_id, c.tx, p.unread_count, p.last_read_seq, p.mention_seq,"
            + " p.unread_as_of_seq, p.unread_as_of_read,"
            + " (select coalesce(json_agg(json_build_object('userId', pp.user_id, 'displayName', u.display_name,"
            + "         'seenSeq', pp.seen_seq, 'avatarId', u.avatar_attachment_id)"
            + "         order by pp.user_id), '[]'::json)"
            + "    from participants pp left join users u on u.id = pp.user_id"
            + "   where pp.conversation_id = c.id and pp.member) as participants, "
            + MESSAGE_COLUMNS
            + " from participants p"
            + " join conversations c on c.id = p.conversation_id"
            + " left join lateral (select * from messages lm where lm.conversation_id = c.id"
            + "   order by lm.seq desc limit 1) m on true"
            + " where p.user_id = $1 and p.member";

    private static final String MESSAGE_SELECT =
            "select " + MESSAGE_COLUMNS + " from messages m" + " where m.conversation_id = $1";

    private final Pool pg;

    public ChatReadModel(Pool pg) {
        this.pg = pg;
    }

    public Pool pool() {
        return pg;
    }

    /**
     * The id of the one direct conversation of {@code a} and {@code b} (V51's lookup): {@code candidate} if this call
     * claimed the pair, else the id claimed before, by any replica. Race-free: of two concurrent claims one inserts,
     * the other's {@code ON CONFLICT DO NOTHING} waits for it to commit and then reads its id (in a second statement,
     * whose snapshot sees that commit).
     */
    public Future<UUID> claimDirectConversation(UUID a, UUID b, UUID candidate) {
        return pg.preparedQuery("insert into direct_conversations (user_low, user_high, conversation_id)"
                        + " values (least($1::uuid, $2::uuid), greatest($1::uuid, $2::uuid), $3)"
                        + " on conflict (user_low, user_high) do nothing returning conversation_id")
                .execute(Tuple.of(a, b, candidate))
                .compose(claimed -> claimed.size() == 1
                        ? Future.succeededFuture(claimed.iterator().next().getUUID(0))
                        : pg.preparedQuery("select conversation_id from direct_conversations"
                                        + " where user_low = least($1::uuid, $2::uuid)"
                                        + " and user_high = greatest($1::uuid, $2::uuid)")
                                .execute(Tuple.of(a, b))
                                .map(found -> found.iterator().next().getUUID(0)));
    }

    /** The direct conversation of {@code a} and {@code b} while both are still members of it, null when none. */
    public Future<UUID> directConversation(UUID a, UUID b) {
        return pg.preparedQuery(
                        "select d.conversation_id from direct_conversations d"
                                + " join participants pa on pa.conversation_id = d.conversation_id and pa.user_id = $1 and pa.member"
                                + " join participants pb on pb.conversation_id = d.conversation_id and pb.user_id = $2 and pb.member"
                                + " where d.user_low = least($1::uuid, $2::uuid) and d.user_high = greatest($1::uuid, $2::uuid)")
                .execute(Tuple.of(a, b))
                .map(rows -> Rows.first(rows, row -> row.getUUID(0)).orElse(null));
    }

    /** Display names of the given users that exist (suspended ones included). */
    public Future<Map<UUID, String>> displayNames(Collection<UUID> userIds) {
        return pg.preparedQuery("select id, display_name from users where id = any($1)")
                .execute(Tuple.tuple().addArrayOfUUID(userIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, String> names = new HashMap<>();
                    rows.forEach(r -> names.put(r.getUUID("id"), r.getString("display_name")));
                    return names;
                });
    }

    /** Whether {@code user} sends read receipts (V71; true unless they turned them off). */
    public Future<Boolean> sendsReadReceipts(UUID user) {
        return pg.preparedQuery("select read_receipts from users where id = $1")
                .execute(Tuple.of(user))
                .map(rows -> Rows.first(rows, row -> row.getBoolean(0)).orElse(true));
    }

    /** Turns {@code user}'s read receipts on or off; answers the setting as stored. */
    public Future<Boolean> setReadReceipts(UUID user, boolean enabled) {
        return pg.preparedQuery("update users set read_receipts = $2 where id = $1 returning read_receipts")
                .execute(Tuple.of(user, enabled))
                .map(rows -> Rows.first(rows, row -> row.getBoolean(0)).orElse(enabled));
    }

    /** The manager of each of the given users that has one (managed hosts). */
    public Future<Map<UUID, UUID>> managers(Collection<UUID> userIds) {
        return pg.preparedQuery("select id, manager_id from users where id = any($1) and manager_id is not null")
                .execute(Tuple.tuple().addArrayOfUUID(userIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, UUID> managers = new HashMap<>();
                    rows.forEach(r -> managers.put(r.getUUID("id"), r.getUUID("manager_id")));
                    return managers;
                });
    }

    /** The projected members of a conversation; empty when it is not projected (yet). */
    public Future<Set<UUID>> members(UUID conversationId) {
        return pg.preparedQuery("select user_id from participants where conversation_id = $1 and member")
                .execute(Tuple.of(conversationId))
                .map(rows -> {
                    Set<UUID> members = new HashSet<>();
                    rows.forEach(r -> members.add(r.getUUID("user_id")));
                    return Collections.unmodifiableSet(members);
                });
    }

    /** The users sharing at least one projected conversation with {@code user} (not {@code user} itself). */
    public Future<Set<UUID>> coMembers(UUID user) {
        return pg.preparedQuery("select distinct other.user_id from participants mine"
                        + " join participants other on other.conversation_id = mine.conversation_id"
                        + " where mine.user_id = $1 and mine.member and other.member and other.user_id <> $1")
                .execute(Tuple.of(user))
                .map(rows -> {
                    Set<UUID> users = new HashSet<>();
                    rows.forEach(r -> users.add(r.getUUID("user_id")));
                    return Collections.unmodifiableSet(users);
                });
    }

    /** The projected last seq of every conversation {@code member} belongs to. */
    public Future<Map<UUID, Long>> lastSeqs(UUID member) {
        return pg.preparedQuery("select c.id, c.last_seq from participants p"
                        + " join conversations c on c.id = p.conversation_id where p.user_id = $1 and p.member")
                .execute(Tuple.of(member))
                .map(rows -> {
                    Map<UUID, Long> lastSeqs = new HashMap<>();
                    rows.forEach(r -> lastSeqs.put(r.getUUID("id"), r.getLong("last_seq")));
                    return lastSeqs;
                });
    }

    /** One conversation as {@code viewer} sees it; null unless it is projected and the viewer is a member. */
    public Future<JsonObject> conversation(UUID conversationId, UUID viewer) {
        return pg.preparedQuery(CONVERSATION_SELECT + " and c.id = $2")
                .execute(Tuple.of(viewer, conversationId))
                .map(rows -> Rows.first(rows, ChatJson::conversation).orElse(null));
    }

    /** A page of the viewer's conversations, newest activity first, after the keyset position {@code after}. */
    public Future<List<JsonObject>> conversations(
            UUID viewer, OffsetDateTime afterActivity, UUID afterId, OffsetDateTime updatedSince, int limit) {
        StringBuilder sql = new StringBuilder(CONVERSATION_SELECT);
        Tuple args = Tuple.of(viewer);
        if (afterActivity != null) {
            args.addOffsetDateTime(afterActivity).addUUID(afterId);
            sql.append(" and (c.last_activity, c.id) < ($")
                    .append(args.size() - 1)
                    .append(", $")
                    .append(args.size())
                    .append(")");
        }
        if (updatedSince != null) {
            args.addOffsetDateTime(updatedSince);
            sql.append(" and c.last_activity >= $").append(args.size());
        }
        args.addInteger(limit);
        sql.append(" order by c.last_activity desc, c.id desc limit $").append(args.size());
        return pg.preparedQuery(sql.toString()).execute(args).map(ChatReadModel::conversationsOf);
    }

    /**
     * Messages by seq ascending: the latest {@code limit} when neither bound is given, else those strictly between
     * {@code after} and {@code before} — the {@code limit} closest to {@code before} when only it is given, otherwise
     * the {@code limit} first after {@code after}.
     */
    public Future<List<JsonObject>> messages(UUID conversationId, Long before, Long after, int limit) {
        boolean newestFirst = after == null;
        Tuple args = Tuple.of(conversationId);
        StringBuilder sql = new StringBuilder(MESSAGE_SELECT);
        if (before != null) {
            args.addLong(before);
            sql.append(" and m.seq < $").append(args.size());
        }
        if (after != null) {
            args.addLong(after);
            sql.append(" and m.seq > $").append(args.size());
        }
        args.addInteger(limit);
        sql.append(" order by m.seq ")
                .append(newestFirst ? "desc" : "asc")
                .append(" limit $")
                .append(args.size());
        return pg.preparedQuery(sql.toString()).execute(args).map(rows -> {
            List<JsonObject> messages = new ArrayList<>(rows.size());
            rows.forEach(r -> messages.add(ChatJson.message(r, "m_", conversationId)));
            if (newestFirst) {
                Collections.reverse(messages);
            }
            return messages;
        });
    }

    private static List<JsonObject> conversationsOf(RowSet<Row> rows) {
        List<JsonObject> conversations = new ArrayList<>(rows.size());
        rows.forEach(r -> conversations.add(ChatJson.conversation(r)));
        return conversations;
    }
}
