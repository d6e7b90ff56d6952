package com.humanchat.sam.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.humanchat.schemas.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The model's final answer as Sam's instructions ask for it: a JSON object {@code {"reply": "...", "actions": [...]}},
 * possibly fenced as a code block. Anything else is not trusted: plain prose is kept as the reply without actions, and
 * JSON that does not parse gives a short apology, since its text cannot be shown as it is.
 *
 * @param unreadable true when the answer looked like JSON but was not valid
 */
public record ModelAnswer(String reply, List<JsonNode> actions, boolean unreadable) {

    static final String UNREADABLE_REPLY = "Sorry, my answer came out garbled. Could you ask me again?";
    private static final int MAX_REPLY = 3_000;
    private static final int MAX_NOTE = 950;

    public ModelAnswer {
        actions = List.copyOf(actions);
    }

    /** Reads the model's text; never fails. */
    public static ModelAnswer parse(String text) {
        String body = text == null ? "" : text.strip();
        if (body.startsWith("```")) {
            body = body.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        if (!body.startsWith("{")) {
            return new ModelAnswer(cap(body.isEmpty() ? UNREADABLE_REPLY : body), List.of(), body.isEmpty());
        }
        try {
            JsonNode json = Json.mapper().readTree(body);
            JsonNode reply = json.path("reply");
            if (!reply.isTextual() || reply.asText().isBlank()) {
                return new ModelAnswer(UNREADABLE_REPLY, List.of(), true);
            }
            List<JsonNode> actions = new ArrayList<>();
            json.path("actions").forEach(actions::add);
            return new ModelAnswer(cap(reply.asText().strip()), actions, false);
        } catch (IOException e) {
            return new ModelAnswer(UNREADABLE_REPLY, List.of(), true);
        }
    }

    /** The reply with a plain note about each suggestion left out, so that the user knows. */
    public static String withDroppedNote(String reply, List<String> dropped) {
        if (dropped.isEmpty()) {
            return reply;
        }
        String note = dropped.size() == 1
                ? "\n\n(I left out one suggestion I could not verify: " + dropped.getFirst() + ".)"
                : "\n\n(I left out " + dropped.size() + " suggestions I could not verify: " + String.join("; ", dropped)
                        + ".)";
        return cap(reply) + (note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE - 3) + "…)");
    }

    private static String cap(String text) {
        return text.length() <= MAX_REPLY ? text : text.substring(0, MAX_REPLY - 1) + "…";
    }
}
