package com.humanchat.sam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.types.GenerateContentResponse;
import com.humanchat.sam.domain.ActionValidator;
import com.humanchat.sam.domain.HostFacts;
import com.humanchat.sam.domain.ModelAnswer;
import com.humanchat.sam.gemini.ModelTurns;
import com.humanchat.schemas.sam.SamReplied;
import com.humanchat.schemas.sam.SamRequested;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every recorded answer shape, read by the SDK from its wire JSON, through Sam's reading and validation: the exact
 * message and actions stored, and never JSON or a code fence in the message.
 */
class AnswerShapesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final Instant START = NOW.plus(2, ChronoUnit.HOURS);
    private static final Instant TAKEN = NOW.plus(1, ChronoUnit.HOURS);
    private static final UUID PAULA = UUID.randomUUID();
    private static final Map<UUID, HostFacts> FACTS = Map.of(
            PAULA,
            new HostFacts(PAULA, true, 4000L, "usd", false, false, "offline", List.of(new HostFacts.Held(TAKEN, 30))));

    static final List<AnswerShapes.Shape> SHAPES = AnswerShapes.ALL;

    @ParameterizedTest
    @FieldSource("SHAPES")
    void storesTheExactMessageAndTheValidatedActions(AnswerShapes.Shape shape) {
        SamRequested request = SamRequested.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "20 min, PG");
        GenerateContentResponse response = GenerateContentResponse.fromJson(shape.body(PAULA, START, TAKEN));

        SamReplied replied = SamResponder.replied(
                request, ModelAnswer.read(ModelTurns.of(response, ModelTurns.answerCalls(response))), FACTS, NOW);

        assertThat(replied.reply()).isEqualTo(shape.content()).doesNotContain("```", "{", "\"reply\"");
        assertThat(replied.outcome()).isEqualTo(shape.outcome());
        assertThat(replied.actions())
                .extracting(action -> action.path("type").asText())
                .containsExactlyElementsOf(shape.actionTypes());
        for (int i = 0; i < replied.actions().size(); i++) {
            JsonNode action = replied.actions().get(i);
            assertThat(action.path("actionId").asText())
                    .isEqualTo(ActionValidator.actionId(request.requestId(), i).toString());
            if (action.path("type").asText().equals("propose_booking")) {
                assertThat(action.path("hostUserId").asText()).isEqualTo(PAULA.toString());
                assertThat(action.path("startTime").asText()).isEqualTo(START.toString());
                assertThat(action.path("agreedPrice").path("amountCents").asLong())
                        .as("the host's published price, filled in")
                        .isEqualTo(4000);
                assertThat(action.path("paymentMode").asText()).isEqualTo("paid");
            } else {
                assertThat(action.path("hostIds").get(0).asText()).isEqualTo(PAULA.toString());
            }
        }
    }
}
