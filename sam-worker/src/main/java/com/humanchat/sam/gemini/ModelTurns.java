package com.humanchat.sam.gemini;

import com.google.genai.types.Candidate;
import com.google.genai.types.Content;
import com.google.genai.types.FunctionCall;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponsePromptFeedback;
import com.google.genai.types.Part;
import com.humanchat.sam.domain.ModelTurn;
import com.humanchat.schemas.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A Gemini response as the SDK reads it, turned into the SDK-free {@link ModelTurn} Sam's rules read. */
public final class ModelTurns {

    private ModelTurns() {}

    /**
     * The function calls of a response's first candidate, read from its parts: the SDK's own
     * {@code GenerateContentResponse.functionCalls()} throws on a finish reason such as {@code SAFETY}.
     */
    public static List<FunctionCall> functionCalls(GenerateContentResponse response) {
        return parts(response).stream()
                .flatMap(part -> part.functionCall().stream())
                .toList();
    }

    /** The answer-function calls of one response ({@code reply}, {@code show_hosts}, …), in order. */
    public static List<ModelTurn.Call> answerCalls(GenerateContentResponse response) {
        List<ModelTurn.Call> calls = new ArrayList<>();
        functionCalls(response).stream()
                .filter(call ->
                        GeminiConcierge.ANSWER_FUNCTIONS.contains(call.name().orElse("")))
                .forEach(call -> calls.add(new ModelTurn.Call(
                        call.name().orElseThrow(),
                        Json.mapper().valueToTree(call.args().orElse(Map.of())))));
        return calls;
    }

    private static Optional<Candidate> candidate(GenerateContentResponse response) {
        return response.candidates().flatMap(all -> all.stream().findFirst());
    }

    private static List<Part> parts(GenerateContentResponse response) {
        return candidate(response)
                .flatMap(Candidate::content)
                .flatMap(Content::parts)
                .orElse(List.of());
    }

    /**
     * The last response with every answer call made during the conversation: its first candidate's text (thoughts
     * left out), its finish reason, the prompt's block reason.
     */
    public static ModelTurn of(GenerateContentResponse last, List<ModelTurn.Call> answered) {
        Optional<Candidate> candidate =
                last.candidates().flatMap(all -> all.stream().findFirst());
        String text = candidate.flatMap(Candidate::content).flatMap(Content::parts).orElse(List.of()).stream()
                .filter(part -> !part.thought().orElse(false))
                .flatMap(part -> part.text().stream())
                .collect(Collectors.joining());
        return new ModelTurn(
                text,
                answered,
                candidate(last)
                        .flatMap(Candidate::finishReason)
                        .map(Object::toString)
                        .orElse(null),
                last.promptFeedback()
                        .flatMap(GenerateContentResponsePromptFeedback::blockReason)
                        .map(Object::toString)
                        .orElse(null));
    }
}
