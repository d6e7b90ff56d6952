package com.humanchat.sam.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.schemas.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelAnswerTest {

    @Test
    void readsTheReplyAndActionsOfAJsonAnswerEvenFenced() {
        ModelAnswer answer = ModelAnswer.parse(
                "```json\n{\"reply\": \"Bob can help.\", \"actions\": [{\"type\": \"show_hosts\"}]}\n```");

        assertThat(answer.reply()).isEqualTo("Bob can help.");
        assertThat(answer.actions()).hasSize(1);
        assertThat(answer.apology()).isFalse();
    }

    @Test
    void invalidJsonGivesAnApologyAndNoAction() {
        ModelAnswer answer =
                ModelAnswer.parse("{\"reply\": \"Book Bob\", \"actions\": [{\"type\": \"propose_booking\"");

        assertThat(answer.actions()).isEmpty();
        assertThat(answer.apology()).isTrue();
        assertThat(answer.reply()).isEqualTo(ModelAnswer.GARBLED_REPLY);
    }

    @Test
    void proseIsKeptAsTheReplyWithoutActionsAndABlankAnswerIsAnApology() {
        assertThat(ModelAnswer.parse("Hello! How can I help?"))
                .isEqualTo(new ModelAnswer("Hello! How can I help?", List.of(), List.of(), false));
        assertThat(ModelAnswer.parse("  ").reply()).isEqualTo(ModelAnswer.EMPTY_REPLY);
        assertThat(ModelAnswer.parse("{\"actions\": []}").apology()).isTrue();
    }

    @Test
    void proseWithABrokenFenceKeepsTheProseAndSaysAPartWasLeftOut() {
        ModelAnswer answer = ModelAnswer.parse("Bob is great.\n```json\n{\"actions\": [\n```\nAsk me more.");

        assertThat(answer.reply()).isEqualTo("Bob is great.\n\nAsk me more.");
        assertThat(answer.leftOut()).containsExactly(ModelAnswer.UNREADABLE_PART);
        assertThat(answer.apology()).isFalse();
    }

    @Test
    void bracesInsideProseAreProseAndAFenceOfOtherCodeIsNeverShown() {
        assertThat(ModelAnswer.parse("Use the {name} placeholder.").reply()).isEqualTo("Use the {name} placeholder.");
        ModelAnswer code = ModelAnswer.parse("```python\nprint('hi')\n```");
        assertThat(code.reply()).isEqualTo(ModelAnswer.GARBLED_REPLY);
    }

    @Test
    void theReplyFunctionWinsOverTextAndActionCallsBecomeActions() {
        ModelAnswer answer = ModelAnswer.read(new ModelTurn(
                "some words",
                List.of(
                        new ModelTurn.Call(
                                "show_hosts", Json.mapper().createObjectNode().put("type", "x")),
                        new ModelTurn.Call(
                                ModelAnswer.REPLY_FUNCTION,
                                Json.mapper().createObjectNode().put("text", "Here."))),
                "STOP",
                null));

        assertThat(answer.reply()).isEqualTo("Here.");
        assertThat(answer.actions()).singleElement().satisfies(action -> assertThat(action.toString())
                .isEqualTo("{\"type\":\"show_hosts\"}"));
    }

    @Test
    void saysPlainlyWhatWasLeftOutWithinTheMessageLimit() {
        assertThat(ModelAnswer.withDroppedNote("Here.", List.of())).isEqualTo("Here.");
        assertThat(ModelAnswer.withDroppedNote("Here.", List.of("a booking at a price that is not the host's")))
                .isEqualTo("Here.\n\n(I left out one suggestion I could not verify: a booking at a price that is not"
                        + " the host's.)");
        assertThat(ModelAnswer.withDroppedNote("x".repeat(5000), List.of("y".repeat(5000), "z")))
                .hasSizeLessThanOrEqualTo(4000)
                .contains("I left out 2 suggestions");
    }
}
