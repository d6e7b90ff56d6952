package com.humanchat.sam.tools;

import com.humanchat.readmodels.hosts.HostRating;
import com.humanchat.readmodels.hosts.HostReadModel;
import com.humanchat.readmodels.identity.HostDirectory;
import com.humanchat.readmodels.identity.User;
import com.humanchat.readmodels.identity.UserReads;
import com.humanchat.readmodels.presence.PresenceReader;
import com.humanchat.sam.domain.HostFacts;
import com.humanchat.schemas.SystemActors;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Sam's read-only view of the platform: hosts through discovery's own query ({@link HostDirectory}), profiles through
 * {@link UserReads}, a host's facts through {@link HostReadModel}, presence through {@link PresenceReader} (all four
 * shared with the edge in {@code read-models}), sessions and the conversation's
 * messages from the projection. Never writes. Futures complete on Vert.x threads.
 */
public final class LiveData {

    /** Statuses that hold a host's time (requested ones do not, yet). */
    private static final String[] HOLDING = {"accepted", "awaiting_payment", "confirmed", "in_progress"};

    /** One message of the Sam conversation, oldest first. */
    public record Turn(boolean fromSam, String content) {}

    private final Pool pg;
    private final PresenceReader presence;
    private final HostReadModel hosts;
    private final HostDirectory directory = new HostDirectory();

    public LiveData(Pool pg, PresenceReader presence, HostReadModel hosts) {
        this.pg = pg;
        this.presence = presence;
        this.hosts = hosts;
    }

    /** Discovery's full-text search (rank order), at most {@code limit} hosts, each with presence and rating. */
    public Future<List<Map<String, Object>>> searchHosts(String query, int limit) {
        return directory
                .hosts(pg, query == null || query.isBlank() ? null : query, List.of(), null, limit)
                .compose(found ->
                        cards(found.stream().map(HostDirectory.Candidate::user).toList()));
    }

    /** A user's public profile and price with presence and rating; empty when there is no such host. */
    public Future<Map<String, Object>> hostProfile(UUID hostId) {
        return UserReads.findById(pg, hostId).compose(found -> found.filter(u -> u.hasRole("host"))
                .map(host -> cards(List.of(host)).map(List::getFirst))
                .orElse(Future.succeededFuture(Map.of())));
    }

    /** The cards of {@code hosts}, in their order, with presence and rating read for all of them at once. */
    private Future<List<Map<String, Object>>> cards(List<User> hosts) {
        List<UUID> ids = hosts.stream().map(User::id).toList();
        Future<Map<UUID, String>> statuses = presence(ids);
        Future<Map<UUID, HostRating>> ratings = HostRating.of(pg, ids);
        return Future.all(statuses, ratings).map(both -> hosts.stream()
                .map(host -> card(
                        host, statuses.result().get(host.id()), ratings.result().get(host.id())))
                .toList());
    }

    /** The host's time already held by sessions, from now on. */
    public Future<List<Map<String, Object>>> busySlots(UUID hostId) {
        return pg.preparedQuery("select start_time, duration_minutes, status from sessions"
                        + " where host_user_id = $1 and status = any ($2)"
                        + " and (start_time is null or start_time + duration_minutes * interval '1 minute' > now())"
                        + " order by start_time nulls first limit 50")
                .execute(Tuple.tuple().addUUID(hostId).addArrayOfString(HOLDING))
                .map(rows -> {
                    List<Map<String, Object>> slots = new ArrayList<>();
                    for (Row row : rows) {
                        Map<String, Object> slot = new LinkedHashMap<>();
                        slot.put(
                                "startTime",
                                row.getOffsetDateTime("start_time") == null
                                        ? "now (instant session)"
                                        : row.getOffsetDateTime("start_time")
                                                .toInstant()
                                                .toString());
                        slot.put("durationMinutes", row.getInteger("duration_minutes"));
                        slot.put("status", row.getString("status"));
                        slots.add(slot);
                    }
                    return slots;
                });
    }

    /**
     * What validation needs about each of {@code ids} that exists: role, price, manager, instant availability,
     * presence and the time their sessions hold from now on (the host calendar).
     */
    public Future<Map<UUID, HostFacts>> hostFacts(Set<UUID> ids, UUID asker) {
        if (ids.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        UUID[] asked = ids.toArray(UUID[]::new);
        Future<RowSet<Row>> blockers = pg.preparedQuery(
                        "select blocker_id from user_blocks where blocked_id = $1 and blocker_id = any ($2)")
                .execute(Tuple.tuple().addUUID(asker).addArrayOfUUID(asked));
        var users = hosts.hosts(ids);
        Future<RowSet<Row>> held = pg.preparedQuery("select host_user_id, start_time, duration_minutes from sessions"
                        + " where host_user_id = any ($1) and status = any ($2)"
                        + " and (start_time is null or start_time + duration_minutes * interval '1 minute' > now())")
                .execute(Tuple.tuple().addArrayOfUUID(asked).addArrayOfString(HOLDING));
        return Future.all(users, held, presence(ids), blockers).map(all -> {
            Set<UUID> blockedBy = new HashSet<>();
            blockers.result().forEach(row -> blockedBy.add(row.getUUID("blocker_id")));
            Map<UUID, List<HostFacts.Held>> calendar = new HashMap<>();
            for (Row row : held.result()) {
                calendar.computeIfAbsent(row.getUUID("host_user_id"), id -> new ArrayList<>())
                        .add(new HostFacts.Held(
                                row.getOffsetDateTime("start_time") == null
                                        ? null
                                        : row.getOffsetDateTime("start_time").toInstant(),
                                row.getInteger("duration_minutes")));
            }
            Map<UUID, String> statuses = all.resultAt(2);
            Map<UUID, HostFacts> facts = new HashMap<>();
            users.result()
                    .forEach((id, user) -> facts.put(
                            id,
                            HostFacts.of(
                                            user,
                                            statuses.getOrDefault(id, "unknown"),
                                            calendar.getOrDefault(id, List.of()))
                                    .unbookableIf(blockedBy.contains(id))));
            return facts;
        });
    }

    /** The last {@code limit} messages of the conversation, oldest first, leaving out {@code exceptClientMessageId}. */
    public Future<List<Turn>> history(UUID conversationId, int limit, String exceptClientMessageId) {
        if (limit == 0) {
            return Future.succeededFuture(List.of());
        }
        return pg.preparedQuery("select sender_id, content from messages where conversation_id = $1"
                        + " and content is not null and client_message_id <> $2 order by seq desc limit $3")
                .execute(Tuple.of(conversationId, exceptClientMessageId, limit))
                .map(rows -> {
                    List<Turn> turns = new ArrayList<>();
                    for (Row row : rows) {
                        turns.addFirst(
                                new Turn(SystemActors.SAM.equals(row.getUUID("sender_id")), row.getString("content")));
                    }
                    return turns;
                });
    }

    /** Presence of users ({@code unknown} for each when Redis does not answer). */
    public Future<Map<UUID, String>> presence(Collection<UUID> ids) {
        return presence.statusesOf(ids).otherwise(error -> {
            Map<UUID, String> unknown = new HashMap<>();
            ids.forEach(id -> unknown.put(id, "unknown"));
            return unknown;
        });
    }

    private static Map<String, Object> card(User host, String status, HostRating rating) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("hostId", host.id().toString());
        card.put("displayName", host.displayName());
        card.put("bio", host.bio());
        card.put("tags", host.tags());
        card.put("priceCents", host.priceCents() == null ? 0 : host.priceCents());
        card.put("currency", host.currency() == null ? "usd" : host.currency());
        card.put("instantAvailable", host.instantAvailable());
        card.put("managed", host.managerId() != null);
        card.put("presence", status == null ? "unknown" : status);
        // The average of the host's visible reviews and their number; null when nobody rated the host.
        card.put("rating", rating == null ? null : Map.of("average", rating.average(), "count", rating.count()));
        return card;
    }
}
