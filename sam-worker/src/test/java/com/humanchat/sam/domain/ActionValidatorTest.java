package com.humanchat.sam.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.humanchat.readmodels.hosts.HostOffer;
import com.humanchat.schemas.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActionValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final UUID ASKER = UUID.randomUUID();
    private static final UUID REQUEST = UUID.randomUUID();
    private static final UUID PAID_HOST = UUID.randomUUID();
    private static final UUID FREE_HOST = UUID.randomUUID();
    private static final UUID MANAGED_HOST = UUID.randomUUID();
    private static final UUID GUEST = UUID.randomUUID();
    private static final Map<UUID, HostFacts> FACTS = Map.of(
            PAID_HOST,
                    new HostFacts(
                            PAID_HOST,
                            true,
                            5000L,
                            "usd",
                            false,
                            true,
                            "away",
                            List.of(new HostFacts.Held(Instant.parse("2026-11-24T16:00:00Z"), 60))),
            FREE_HOST, new HostFacts(FREE_HOST, true, null, null, false, true, "online", List.of()),
            MANAGED_HOST, new HostFacts(MANAGED_HOST, true, 9000L, "eur", true),
            GUEST, new HostFacts(GUEST, false, null, null, false),
            ASKER, new HostFacts(ASKER, true, 100L, "usd", false));

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode booking(UUID host, String start, long cents, String currency, String mode) {
        return json("{\"type\":\"propose_booking\",\"hostUserId\":\"" + host + "\","
                + (start == null ? "" : "\"startTime\":\"" + start + "\",")
                + "\"durationMinutes\":20,\"agreedPrice\":{\"amountCents\":" + cents + ",\"currency\":\"" + currency
                + "\"},\"paymentMode\":\"" + mode + "\"}");
    }

    private static ValidatedActions validate(JsonNode... actions) {
        return ActionValidator.validate(List.of(actions), FACTS, ASKER, NOW, REQUEST);
    }

    @Test
    void keepsActionsThatTheSchemaAndLiveDataBack() {
        JsonNode show = json("{\"type\":\"show_hosts\",\"hostIds\":[\"" + PAID_HOST + "\",\"" + FREE_HOST + "\"]}");
        JsonNode paid = booking(PAID_HOST, "2026-11-24T15:00:00Z", 5000, "usd", "paid");
        JsonNode free = booking(FREE_HOST, null, 0, "usd", "free");
        JsonNode request = json("{\"type\":\"open_request\",\"hostUserId\":\"" + MANAGED_HOST
                + "\",\"message\":\"May I have 20 minutes?\"}");

        ValidatedActions result = validate(show, paid, free, request);

        assertThat(result.kept())
                .containsExactly(withId(show, 0), withId(paid, 1), withId(free, 2), withId(request, 3));
        assertThat(result.dropped()).isEmpty();
    }

    @Test
    void aHostPricedWithoutACurrencyIsProposedInUsdAsTheEdgeBooksThem() {
        UUID host = UUID.randomUUID();
        HostFacts facts = HostFacts.of(
                new com.humanchat.readmodels.hosts.HostFacts(
                        host,
                        "Paula",
                        Set.of("host"),
                        false,
                        false,
                        null,
                        null,
                        new HostOffer(4000L, null, false),
                        null),
                "offline",
                List.of());

        ValidatedActions result = ActionValidator.validate(
                List.of(booking(host, "2026-11-24T15:00:00Z", 4000, "usd", "paid")),
                Map.of(host, facts),
                ASKER,
                NOW,
                REQUEST);

        assertThat(result.dropped()).isEmpty();
    }

    @Test
    void fillsInTheHostsPublishedPriceWhenTheProposalNamesNone() {
        ValidatedActions result = validate(
                json("{\"type\":\"propose_booking\",\"hostUserId\":\"" + PAID_HOST
                        + "\",\"startTime\":\"2026-11-24T15:00:00Z\",\"durationMinutes\":30}"),
                json("{\"type\":\"propose_booking\",\"hostUserId\":\"" + FREE_HOST + "\",\"durationMinutes\":30}"));

        assertThat(result.dropped()).isEmpty();
        assertThat(result.kept().get(0).path("agreedPrice").toString())
                .isEqualTo("{\"amountCents\":5000,\"currency\":\"usd\"}");
        assertThat(result.kept().get(0).path("paymentMode").asText()).isEqualTo("paid");
        assertThat(result.kept().get(1).path("agreedPrice").toString())
                .isEqualTo("{\"amountCents\":0,\"currency\":\"usd\"}");
        assertThat(result.kept().get(1).path("paymentMode").asText()).isEqualTo("free");
    }

    @Test
    void dropsAStartTheHostCalendarHoldsAndNowWithAHostNotOnline() {
        ValidatedActions result = validate(
                booking(PAID_HOST, "2026-11-24T16:30:00Z", 5000, "usd", "paid"),
                booking(PAID_HOST, "2026-11-24T15:45:00Z", 5000, "usd", "paid"),
                booking(PAID_HOST, null, 5000, "usd", "paid"),
                booking(PAID_HOST, "2026-11-24T15:30:00Z", 5000, "usd", "paid"));

        assertThat(result.dropped())
                .containsExactly(
                        "a booking at a time the host is already booked",
                        "a booking at a time the host is already booked",
                        "a booking for right now with a host who is not online for instant sessions");
        assertThat(result.kept())
                .singleElement()
                .satisfies(kept -> assertThat(kept.path("startTime").asText()).isEqualTo("2026-11-24T15:30:00Z"));
    }

    @Test
    void actionIdsAreTheSameEachTimeARequestIsAnswered() {
        assertThat(ActionValidator.actionId(REQUEST, 1))
                .isEqualTo(ActionValidator.actionId(REQUEST, 1))
                .isNotEqualTo(ActionValidator.actionId(REQUEST, 0))
                .isNotEqualTo(ActionValidator.actionId(UUID.randomUUID(), 1));
    }

    private static JsonNode withId(JsonNode action, int index) {
        return ((ObjectNode) action.deepCopy())
                .put("actionId", ActionValidator.actionId(REQUEST, index).toString());
    }

    @Test
    void dropsAPromptInjectedFreeBookingOfAPaidHost() {
        ValidatedActions result =
                validate(booking(PAID_HOST, null, 0, "usd", "free"), booking(PAID_HOST, null, 1, "usd", "paid"));

        assertThat(result.kept()).isEmpty();
        assertThat(result.dropped()).hasSize(2).allMatch(reason -> reason.contains("price that is not the host's"));
    }

    @Test
    void dropsAPriceInAnotherCurrencyAndAPaidBookingOfAFreeHost() {
        ValidatedActions result =
                validate(booking(PAID_HOST, null, 5000, "eur", "paid"), booking(FREE_HOST, null, 500, "usd", "paid"));

        assertThat(result.kept()).isEmpty();
        assertThat(result.dropped().get(1)).contains("charges nothing");
    }

    @Test
    void dropsADonationBookingOfAFreeHostSinceTheBookingApiTakesItOnlyWhereDonationsAreWelcome() {
        ValidatedActions result = validate(booking(FREE_HOST, null, 0, "usd", "donation"));

        assertThat(result.kept()).isEmpty();
        assertThat(result.dropped().getFirst()).contains("donation");
    }

    @Test
    void dropsUnknownHostsNonHostsTheAskerAndPastTimes() {
        ValidatedActions result = validate(
                json("{\"type\":\"show_hosts\",\"hostIds\":[\"" + UUID.randomUUID() + "\"]}"),
                json("{\"type\":\"show_hosts\",\"hostIds\":[\"" + GUEST + "\"]}"),
                booking(ASKER, null, 100, "usd", "paid"),
                booking(PAID_HOST, "2026-11-24T11:59:59Z", 5000, "usd", "paid"));

        assertThat(result.kept()).isEmpty();
        assertThat(result.dropped())
                .satisfiesExactly(
                        r -> assertThat(r).contains("does not exist"),
                        r -> assertThat(r).contains("not a bookable host"),
                        r -> assertThat(r).contains("yourself"),
                        r -> assertThat(r).contains("in the past"));
    }

    @Test
    void dropsUnknownActionTypesExtraFieldsAndMalformedActions() {
        ValidatedActions result = validate(
                json("{\"type\":\"wire_money\",\"to\":\"" + PAID_HOST + "\"}"),
                json("{\"hostIds\":[]}"),
                json("{\"type\":\"show_hosts\",\"hostIds\":[\"not-a-uuid\"]}"),
                json("{\"type\":\"open_request\",\"hostUserId\":\"" + PAID_HOST
                        + "\",\"message\":\"hi\",\"admin\":true}"),
                json("\"book this for free\""));

        assertThat(result.kept()).isEmpty();
        assertThat(result.dropped()).hasSize(5);
    }

    @Test
    void dropsAManagedRequestToAHostWithoutRepresentative() {
        ValidatedActions result = validate(
                json("{\"type\":\"open_request\",\"hostUserId\":\"" + PAID_HOST + "\",\"message\":\"hello\"}"));

        assertThat(result.dropped()).singleElement().asString().contains("no representative");
    }

    @Test
    void collectsTheHostIdsActionsNameIgnoringGarbage() {
        List<JsonNode> actions = List.of(
                json("{\"type\":\"show_hosts\",\"hostIds\":[\"" + PAID_HOST + "\",\"nope\"]}"),
                booking(FREE_HOST, null, 0, "usd", "free"));

        assertThat(ActionValidator.hostIdsIn(actions)).containsExactly(PAID_HOST, FREE_HOST);
    }
}
