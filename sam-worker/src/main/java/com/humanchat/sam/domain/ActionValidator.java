package com.humanchat.sam.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.humanchat.schemas.RecordSchemas;
import com.humanchat.schemas.sam.SamActions;
import com.humanchat.schemas.sessions.Money;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An action proposed by the model is kept only if its JSON Schema accepts it and live data backs it: every host it
 * names exists and is bookable (and is not the asker), a booking's price is exactly the host's published one (filled
 * in from the host when the model names none; free only with a host who charges nothing), its start is in the future
 * at a time the host calendar has free, "now" only with a host who is online and takes instant sessions, and a
 * managed request goes to a managed host. Each kept action gets an {@code actionId}, the same however often the
 * request is answered, by which the booking it leads to refers back to it.
 */
public final class ActionValidator {

    private static final int MAX_ACTIONS = 20;
    private static final String DEFAULT_CURRENCY = "usd";

    /** The property each kept action gets: its id, which a booking made from it carries as {@code samActionId}. */
    public static final String ACTION_ID = "actionId";

    private ActionValidator() {}

    /** Every host id named by the actions, valid UUIDs only, so the caller can read their facts in one go. */
    public static Set<UUID> hostIdsIn(List<JsonNode> actions) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (JsonNode action : actions) {
            action.path("hostIds").forEach(id -> uuid(id.asText()).ifPresent(ids::add));
            uuid(action.path("hostUserId").asText()).ifPresent(ids::add);
        }
        return ids;
    }

    /**
     * @param facts live facts of the hosts in {@link #hostIdsIn}; an id missing here is an unknown user
     * @param asker the user Sam answers, who cannot book nor request themself
     */
    public static ValidatedActions validate(
            List<JsonNode> actions, Map<UUID, HostFacts> facts, UUID asker, Instant now, UUID requestId) {
        List<JsonNode> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (JsonNode proposed : actions) {
            if (kept.size() == MAX_ACTIONS) {
                dropped.add("more than " + MAX_ACTIONS + " suggestions");
                continue;
            }
            JsonNode action = withHostPrice(proposed, facts);
            String problem = problemWith(action, facts, asker, now);
            if (problem == null) {
                kept.add(((ObjectNode) action.deepCopy())
                        .put(ACTION_ID, actionId(requestId, kept.size()).toString()));
            } else {
                dropped.add(problem);
            }
        }
        return new ValidatedActions(kept, dropped);
    }

    /** The id of the {@code index}th kept action of a request: a name-based UUID, so a re-answer gives the same. */
    public static UUID actionId(UUID requestId, int index) {
        return UUID.nameUUIDFromBytes(("sam-action:" + requestId + ":" + index).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A booking proposal that names no price gets the host's published one; one that names a price keeps it, so that
     * a price the model was talked into is seen and refused below.
     */
    private static JsonNode withHostPrice(JsonNode action, Map<UUID, HostFacts> facts) {
        if (!SamActions.PROPOSE_BOOKING.equals(action.path("type").asText()) || action.has("agreedPrice")) {
            return action;
        }
        HostFacts host =
                uuid(action.path("hostUserId").asText()).map(facts::get).orElse(null);
        if (host == null || !action.isObject()) {
            return action;
        }
        ObjectNode priced = action.deepCopy();
        priced.putObject("agreedPrice")
                .put("amountCents", host.charges() ? host.priceCents() : 0)
                .put("currency", host.currency() == null ? DEFAULT_CURRENCY : host.currency());
        priced.put("paymentMode", host.charges() ? "paid" : "free");
        return priced;
    }

    private static String problemWith(JsonNode action, Map<UUID, HostFacts> facts, UUID asker, Instant now) {
        List<String> violations = RecordSchemas.actionViolations(action);
        if (!violations.isEmpty()) {
            String type = action.path("type").asText("?");
            return "a '" + type + "' suggestion that is not well-formed (" + violations.getFirst() + ")";
        }
        return switch (action.path("type").asText()) {
            case SamActions.SHOW_HOSTS -> {
                for (JsonNode id : action.path("hostIds")) {
                    String problem = hostProblem(UUID.fromString(id.asText()), facts, asker);
                    if (problem != null) {
                        yield "a list of hosts naming " + problem;
                    }
                }
                yield null;
            }
            case SamActions.PROPOSE_BOOKING -> bookingProblem(action, facts, asker, now);
            case SamActions.OPEN_REQUEST -> {
                UUID host = UUID.fromString(action.path("hostUserId").asText());
                String problem = hostProblem(host, facts, asker);
                if (problem != null) {
                    yield "a managed request to " + problem;
                }
                yield facts.get(host).managed() ? null : "a managed request to a host who has no representative";
            }
            default -> "an unknown kind of suggestion";
        };
    }

    private static String bookingProblem(JsonNode action, Map<UUID, HostFacts> facts, UUID asker, Instant now) {
        UUID hostId = UUID.fromString(action.path("hostUserId").asText());
        String problem = hostProblem(hostId, facts, asker);
        if (problem != null) {
            return "a booking with " + problem;
        }
        HostFacts host = facts.get(hostId);
        String price = priceProblem(action, host);
        return price != null ? price : timeProblem(action, host, now);
    }

    /** Null when the proposal names exactly the host's published price in the payment mode it allows. */
    private static String priceProblem(JsonNode action, HostFacts host) {
        Money offered = Money.of(
                action.path("agreedPrice").path("amountCents").asLong(),
                action.path("agreedPrice").path("currency").asText());
        String mode = action.path("paymentMode").asText();
        if (host.charges()) {
            Money price = Money.of(host.priceCents(), host.currency());
            return "paid".equals(mode) && offered.equals(price)
                    ? null
                    : "a booking at a price that is not the host's (" + price.amountCents() + " " + price.currency()
                            + ")";
        }
        if ("donation".equals(mode)) {
            // The booking API takes donation mode only from hosts who said they welcome donations; Sam proposes free.
            return "a donation booking: Sam proposes sessions with a host who charges nothing as free";
        }
        return offered.amountCents() == 0 && "free".equals(mode)
                ? null
                : "a paid booking with a host who charges nothing";
    }

    /** Null when the start is a future time the host calendar has free, or "now" with a host online for it. */
    private static String timeProblem(JsonNode action, HostFacts host, Instant now) {
        int minutes = action.path("durationMinutes").asInt();
        JsonNode start = action.get("startTime");
        if (start == null) {
            if (!host.instantAvailable() || !"online".equals(host.presence())) {
                return "a booking for right now with a host who is not online for instant sessions";
            }
            return host.freeAt(now, minutes, now) ? null : "a booking for right now with a host who is in a session";
        }
        try {
            Instant from = Instant.parse(start.asText());
            if (!from.isAfter(now)) {
                return "a booking that starts in the past";
            }
            return host.freeAt(from, minutes, now) ? null : "a booking at a time the host is already booked";
        } catch (DateTimeParseException e) {
            return "a booking with an unreadable start time";
        }
    }

    /** Null when {@code id} is a bookable host other than the asker, else what is wrong with it. */
    private static String hostProblem(UUID id, Map<UUID, HostFacts> facts, UUID asker) {
        HostFacts host = facts.get(id);
        if (host == null) {
            return "someone who does not exist";
        }
        if (id.equals(asker)) {
            return "yourself";
        }
        return host.bookable() ? null : "someone who is not a bookable host";
    }

    private static java.util.Optional<UUID> uuid(String text) {
        try {
            return java.util.Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
