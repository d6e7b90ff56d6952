package com.humanchat.edge.http;

import com.humanchat.schemas.chat.CommandRejected;
import com.humanchat.schemas.chat.RejectionCode;
import java.util.List;

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
            case UNKNOWN_MESSAGE -> ProblemType.UNKNOWN_MESSAGE.with("no such message");
            case NOT_THE_AUTHOR -> ProblemType.NOT_THE_AUTHOR.with("only the author may do this");
            case CONVERSATION_EXISTS -> ProblemType.CONVERSATION_EXISTS.with("the conversation exists");
            case NOT_ACCEPTING -> notAccepting();
            case INBOUND_LIMIT -> ProblemType.INBOUND_LIMIT.with(reason);
            case INVALID -> ProblemType.INVALID.with(reason == null ? "the command is invalid" : reason);
        };
    }

    /**
     * The one neutral answer to whatever a blocked user tries towards the one who blocked them (a message, a booking,
     * a tip, a managed request), the same a stranger gets from a host who takes first contact through a request only:
     * it never says "blocked".
     */
    public static ProblemException notAccepting() {
        return ProblemType.NOT_ACCEPTING.with(
                "They are not accepting this from you. If they take requests, you can send one from their profile.");
    }

    /**
     * The one answer to a conversation that does not exist and to one the caller is not a member of, on every route
     * and socket frame: its existence is not revealed.
     */
    public static ProblemException unknownConversation() {
        return ProblemType.UNKNOWN_CONVERSATION.with("no such conversation");
    }

    /**
     * The one answer to a session that does not exist and to one the caller does not take part in: its existence is
     * not revealed.
     */
    public static ProblemException unknownSession() {
        return ProblemType.UNKNOWN_SESSION.with("no such session");
    }

    /** The host has no connected account that takes charges yet: booking or accepting paid sessions waits for it. */
    public static ProblemException hostNotPayable() {
        return ProblemType.HOST_NOT_PAYABLE.with(
                "the host cannot receive payments yet (Stripe onboarding is not complete)");
    }

    /** The host accepting a paid session has no connected account that takes charges yet: the fix is theirs. */
    public static ProblemException payoutsNotReady() {
        return ProblemType.PAYOUTS_NOT_READY.with(
                "Connect Stripe in Settings \u2192 Get paid before accepting paid sessions");
    }

    public static ProblemException unprocessable(String detail, List<ProblemException.FieldError> errors) {
        return ProblemType.UNPROCESSABLE.with(detail, errors);
    }

    /** 422 about one field of the body ({@code pointer}, a JSON pointer), saying {@code detail} of it. */
    public static ProblemException unprocessableField(String pointer, String detail) {
        return unprocessable(detail, List.of(new ProblemException.FieldError(pointer, detail)));
    }

    /** The WebSocket {@code error} code of a problem: its slug with underscores ({@code unknown_conversation}). */
    public static String code(ProblemException problem) {
        return problem.slug().replace('-', '_');
    }
}
