package com.humanchat.sam.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What the model said in the end, free of the SDK: the text of its last answer, every answer function it called along
 * the way ({@code reply}, {@code show_hosts}, {@code propose_booking}, {@code open_request}), why it stopped
 * ({@code finishReason}, e.g. {@code STOP}, {@code MAX_TOKENS}, {@code SAFETY}) and, for a refused prompt, the
 * {@code promptFeedback.blockReason}.
 *
 * @param finishReason null when the response had no candidate
 * @param blockReason null unless the prompt itself was blocked
 */
public record ModelTurn(String text, List<Call> calls, String finishReason, String blockReason) {

    /** One function call: its name and its (schema-checked by the API, checked again here) arguments. */
    public record Call(String name, JsonNode args) {}

    public ModelTurn {
        text = text == null ? "" : text;
        calls = List.copyOf(calls);
    }

    /** A plain text answer that ended normally. */
    public static ModelTurn text(String text) {
        return new ModelTurn(text, List.of(), "STOP", null);
    }
}
