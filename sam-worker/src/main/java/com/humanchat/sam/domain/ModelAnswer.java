package com.humanchat.sam.domain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.humanchat.schemas.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Sam says, read from whatever the model gave: the {@code reply} and action function calls the API
 * schema-checked, and, tolerantly, any text — bare JSON, fenced blocks anywhere (several, with prose before or after,
 * comments, trailing commas) or plain prose. The person never sees JSON or a code fence: what cannot be read is left
 * out and said so, and when nothing usable is left (empty, cut off, blocked) the reply is a short apology that asks
 * again; the question stays in the conversation.
 *
 * @param leftOut one plain reason per part of the answer that could not be read
 * @param apology true when {@code reply} is an apology because nothing usable arrived
 */
public record ModelAnswer(String reply, List<JsonNode> actions, List<String> leftOut, boolean apology) {

    static final String GARBLED_REPLY = "Sorry, my answer came out garbled. Could you ask me again?";
    static final String EMPTY_REPLY =
            "Sorry, I lost my train of thought and have no answer yet. Could you ask me again?";
    static final String CUT_OFF_REPLY =
            "Sorry, my answer ran too long and was cut off. Could you ask me again, perhaps a little more narrowly?";
    static final String BLOCKED_REPLY = "Sorry, I can't help with that request. Could you put it another way?";
    static final String ACTIONS_ONLY_REPLY = "Here is what I found for you.";
    static final String UNREADABLE_PART = "a part of my answer that was not readable";

    /** The answer function whose {@code text} argument is what Sam says. */
    public static final String REPLY_FUNCTION = "reply";

    private static final int MAX_REPLY = 3_000;
    private static final int MAX_NOTE = 950;
    private static final Set<String> BLOCKED =
            Set.of("SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "RECITATION", "IMAGE_SAFETY");
    private static final Pattern FENCE =
            Pattern.compile("```[ \\t]*([A-Za-z0-9_+-]*)[^\\n`]*\\n?(.*?)(```|\\z)", Pattern.DOTALL);
    private static final Pattern LINE_START_BRACE = Pattern.compile("(?m)^[ \\t]*[\\[{]");
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    public ModelAnswer {
        actions = List.copyOf(actions);
        leftOut = List.copyOf(leftOut);
    }

    /** Reads the model's last turn; never fails. */
    public static ModelAnswer read(ModelTurn turn) {
        if (turn.blockReason() != null || BLOCKED.contains(turn.finishReason())) {
            return apology(BLOCKED_REPLY);
        }
        List<JsonNode> actions = new ArrayList<>();
        String called = null;
        for (ModelTurn.Call call : turn.calls()) {
            if (REPLY_FUNCTION.equals(call.name())) {
                String text = call.args().path("text").asText("").strip();
                called = text.isEmpty() ? called : text;
            } else {
                actions.add(action(call.name(), call.args()));
            }
        }
        Text text = Text.read(turn.text());
        actions.addAll(text.actions);
        List<String> leftOut = text.unreadable > 0 ? List.of(UNREADABLE_PART) : List.of();
        String reply = firstUsable(called, text.jsonReply, text.prose);
        if (reply == null && !actions.isEmpty()) {
            reply = ACTIONS_ONLY_REPLY;
        }
        if (reply == null) {
            if ("MAX_TOKENS".equals(turn.finishReason())) {
                return apology(CUT_OFF_REPLY);
            }
            return apology(text.unreadable > 0 || looksLikeCode(turn.text()) ? GARBLED_REPLY : EMPTY_REPLY);
        }
        // A model that proposes the same thing twice (a call and its JSON echo, or a call repeated) proposes it once.
        return new ModelAnswer(cap(reply), actions.stream().distinct().toList(), leftOut, false);
    }

    /** Reads a plain text answer, as if the model had stopped normally. */
    public static ModelAnswer parse(String text) {
        return read(ModelTurn.text(text));
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

    private static ModelAnswer apology(String reply) {
        return new ModelAnswer(reply, List.of(), List.of(), true);
    }

    /** An action object of {@code type} with the call's arguments ({@code type} first, the call's name wins). */
    private static JsonNode action(String type, JsonNode args) {
        ObjectNode action = Json.mapper().createObjectNode().put("type", type);
        if (args != null && args.isObject()) {
            args.properties().forEach(field -> {
                if (!field.getKey().equals("type")) {
                    action.set(field.getKey(), field.getValue());
                }
            });
        }
        return action;
    }

    /** The first candidate that is text a person may read: not blank, neither JSON nor a code fence. */
    private static String firstUsable(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank() && !looksLikeCode(candidate)) {
                return candidate.strip();
            }
        }
        return null;
    }

    private static boolean looksLikeCode(String text) {
        String body = text.strip();
        return body.contains("```") || body.startsWith("{") || body.startsWith("[");
    }

    private static String cap(String text) {
        return text.length() <= MAX_REPLY ? text : text.substring(0, MAX_REPLY - 1) + "…";
    }

    /** The JSON found in a text answer (fenced or bare, as many pieces as there are) and the prose around it. */
    private static final class Text {
        final List<JsonNode> actions = new ArrayList<>();
        String jsonReply;
        String prose = "";
        int unreadable;

        static Text read(String text) {
            Text read = new Text();
            StringBuilder rest = new StringBuilder();
            Matcher fence = FENCE.matcher(text);
            int from = 0;
            while (fence.find()) {
                rest.append(text, from, fence.start());
                from = fence.end();
                read.fenced(fence.group(2));
            }
            rest.append(text.substring(from));
            read.prose =
                    read.bare(rest.toString()).replaceAll("\\n{3,}", "\n\n").strip();
            return read;
        }

        private void fenced(String body) {
            String code = body.strip();
            try {
                JsonNode node = LENIENT.readTree(code);
                if (node == null || !absorb(node)) {
                    unreadable++;
                }
            } catch (IOException e) {
                unreadable++;
            }
        }

        /** Takes every JSON value that starts a line out of {@code text}; returns what is left. */
        private String bare(String text) {
            StringBuilder left = new StringBuilder();
            int from = 0;
            Matcher start = LINE_START_BRACE.matcher(text);
            while (from < text.length() && start.find(from)) {
                int open = start.end() - 1;
                left.append(text, from, open);
                try (JsonParser parser = LENIENT.createParser(text.substring(open))) {
                    JsonNode node = LENIENT.readTree(parser);
                    from = open + (int) parser.currentLocation().getCharOffset();
                    if (!absorb(node)) {
                        unreadable++;
                    }
                } catch (IOException e) {
                    unreadable++;
                    return left.toString();
                }
            }
            return left.append(text.substring(Math.min(from, text.length()))).toString();
        }

        /** Reads {reply, actions[]}, one action or an array of actions; false when the value is none of those. */
        private boolean absorb(JsonNode node) {
            if (node.isArray()) {
                boolean any = false;
                for (JsonNode element : node) {
                    any |= absorb(element);
                }
                return any;
            }
            if (!node.isObject()) {
                return false;
            }
            if (node.has("reply") || node.has("actions")) {
                if (node.path("reply").isTextual() && jsonReply == null) {
                    jsonReply = node.path("reply").asText();
                }
                node.path("actions").forEach(actions::add);
                return true;
            }
            if (node.path("type").isTextual()) {
                actions.add(node);
                return true;
            }
            return false;
        }
    }
}
