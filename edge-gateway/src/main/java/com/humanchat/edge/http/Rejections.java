package com.humanchat.edge.http;

import com.humanchat.schemas.chat.CommandRejected;
import com.humanchat.schemas.chat.RejectionCode;
import java.util.List;
import java.util.Map;

/** Maps the conversation topology's refusals to problems; the slug doubles as the WebSocket error code. */
public final class Rejections {

    private Rejections() {}

    public static ProblemException toProblem(CommandRejected rejected) {
        return toProblem(rejected.code(), rejected.reason());
    }

    public static ProblemException toProblem(RejectionCode code, String reason) {
        return switch (code) {
            // One answer to both: a non-member learns nothing about whether the conversation exists.
            case NOT_A_MEMBER, UNKNOWN_CONVERSATION -> unknownConversation();
            case UNKNOWN_MESSAGE -> problem(404, "unknown-message", "Not found", "no such message");
            case NOT_THE_AUTHOR -> problem(403, "not-the-author", "Forbidden", "only the author may do this");
            case CONVERSATION_EXISTS -> problem(409, "conversation-exists", "Conflict", "the conversation exists");
            case INVALID ->
                problem(400, "invalid", "Invalid request", reason == null ? "the command is invalid" : reason);
        };
    }

    /**
     * The one answer to a conversation that does not exist and to one the caller is not a member of, on every route
     * and socket frame: its existence is not revealed.
     */
    public static ProblemException unknownConversation() {
        return problem(404, "unknown-conversation", "Not found", "no such conversation");
    }

    /** The host has no connected account that takes charges yet: booking or accepting paid sessions waits for it. */
    public static ProblemException hostNotPayable() {
        return problem(
                409,
                "host-not-payable",
                "Conflict",
                "the host cannot receive payments yet (Stripe onboarding is not complete)");
    }

    /** The host accepting a paid session has no connected account that takes charges yet: the fix is theirs. */
    public static ProblemException payoutsNotReady() {
        return problem(
                409,
                "payouts-not-ready",
                "Conflict",
                "Connect Stripe in Settings \u2192 Get paid before accepting paid sessions");
    }

    public static ProblemException unprocessable(String detail, List<ProblemException.FieldError> errors) {
        return new ProblemException(422, "unprocessable", "Unprocessable request", detail, errors, Map.of());
    }

    /** The WebSocket {@code error} code of a problem: its slug with underscores ({@code unknown_conversation}). */
    public static String code(ProblemException problem) {
        return problem.slug().replace('-', '_');
    }

    private static ProblemException problem(int status, String slug, String title, String detail) {
        return new ProblemException(status, slug, title, detail, List.of(), Map.of());
    }
}
