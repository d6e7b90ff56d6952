package com.humanchat.sam.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelAnswerTest {

    @Test
    void readsTheReplyAndActionsOfAJsonAnswerEvenFenced() {
        ModelAnswer answer = ModelAnswer.parse(
                "```json\n{\"reply\": \"Bob can help.\", \"actions\": [{\"type\": \"show_hosts\"}]}\n```");

        assertThat(answer.reply()).isEqualTo("Bob can help.");
        assertThat(answer.actions()).hasSize(1);
        assertThat(answer.unreadable()).isFalse();
    }

    @Test
    void invalidJsonGivesAnApologyAndNoAction() {
        ModelAnswer answer =
                ModelAnswer.parse("{\"reply\": \"Book Bob\", \"actions\": [{\"type\": \"propose_booking\"");

        assertThat(answer.actions()).isEmpty();
        assertThat(answer.unreadable()).isTrue();
        assertThat(answer.reply()).isEqualTo(ModelAnswer.UNREADABLE_REPLY);
    }

    @Test
    void proseIsKeptAsTheReplyWithoutActionsAndABlankAnswerIsUnreadable() {
        assertThat(ModelAnswer.parse("Hello! How can I help?"))
                .isEqualTo(new ModelAnswer("Hello! How can I help?", List.of(), false));
        assertThat(ModelAnswer.parse("  ").unreadable()).isTrue();
        assertThat(ModelAnswer.parse("{\"actions\": []}").unreadable()).isTrue();
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
