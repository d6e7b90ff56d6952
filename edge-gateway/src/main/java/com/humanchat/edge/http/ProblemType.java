package com.humanchat.edge.http;

import java.util.List;
import java.util.Map;

/**
 * Every problem the API answers with, in one place: its HTTP status, its slug (the last segment of the problem's
 * {@code type} URI, {@code https://humanchat.dev/problems/<slug>}; with underscores, the socket's {@code error} code)
 * and its title. A {@link ProblemException} is made only from one of these, so a slug means one thing everywhere.
 */
public enum ProblemType {
    BAD_REQUEST(400, "bad-request", "Bad request"),
    VALIDATION(400, "validation", "Invalid request"),
    INVALID(400, "invalid", "Invalid request"),
    INVALID_VERIFICATION_LINK(400, "invalid-verification-link", "Bad request"),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    TWO_FACTOR_REQUIRED(401, "two-factor-required", "Two-factor code required"),
    INVALID_TWO_FACTOR_CODE(401, "invalid-two-factor-code", "Wrong two-factor code"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    EMAIL_UNVERIFIED(403, "email-unverified", "Forbidden"),
    TWO_FACTOR_ENROLMENT_REQUIRED(403, "two-factor-enrolment-required", "Forbidden"),
    NOT_THE_AUTHOR(403, "not-the-author", "Forbidden"),
    NOT_THE_MANAGER(403, "not-the-manager", "Forbidden"),
    MANAGED_HOST(403, "managed-host", "Forbidden"),
    NOT_THE_GUEST(403, "not-the-guest", "Forbidden"),
    NOT_THE_HOST(403, "not-the-host", "Forbidden"),
    NOT_ACCEPTING(403, "not-accepting", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not found"),
    UNKNOWN_CONVERSATION(404, "unknown-conversation", "Not found"),
    UNKNOWN_MESSAGE(404, "unknown-message", "Not found"),
    UNKNOWN_SESSION(404, "unknown-session", "Not found"),
    UNKNOWN_REQUEST(404, "unknown-request", "Not found"),
    UNKNOWN_PAYMENT(404, "unknown-payment", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    CONFLICT(409, "conflict", "Conflict"),
    CONVERSATION_EXISTS(409, "conversation-exists", "Conflict"),
    SESSION_EXISTS(409, "session-exists", "Conflict"),
    REQUEST_EXISTS(409, "request-exists", "Conflict"),
    REQUEST_PENDING(409, "request-pending", "Conflict"),
    ILLEGAL_TRANSITION(409, "illegal-transition", "Conflict"),
    SCHEDULE_CONFLICT(409, "schedule-conflict", "Conflict"),
    /** A scheduled session outside the host's availability; carries {@code nextSlots}. */
    OUTSIDE_AVAILABILITY(409, "outside-availability", "Conflict"),
    TOO_MANY_PENDING_REQUESTS(409, "too-many-pending-requests", "Conflict"),
    HOST_UNAVAILABLE(409, "host-unavailable", "Conflict"),
    HOST_NOT_PAYABLE(409, "host-not-payable", "Conflict"),
    PAYOUTS_NOT_READY(409, "payouts-not-ready", "Conflict"),
    NOT_AWAITING_PAYMENT(409, "not-awaiting-payment", "Conflict"),
    ALREADY_PAID(409, "already-paid", "Conflict"),
    STALE_PROPOSAL(409, "stale-proposal", "Conflict"),
    PROPOSAL_USED(409, "proposal-used", "Conflict"),
    INVITATION_OPEN(409, "invitation-open", "Conflict"),
    SESSION_NOT_COMPLETED(409, "session-not-completed", "Conflict"),
    ALREADY_REVIEWED(409, "already-reviewed", "Conflict"),
    NOT_REVIEWED(409, "not-reviewed", "Conflict"),
    ALREADY_ANSWERED(409, "already-answered", "Conflict"),
    RESCHEDULE_TOO_LATE(409, "reschedule-too-late", "Conflict"),
    NO_PROPOSAL(409, "no-proposal", "Conflict"),
    NOT_SCHEDULED(409, "not-scheduled", "Conflict"),
    TOO_LARGE(413, "too-large", "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    UNPROCESSABLE(422, "unprocessable", "Unprocessable request"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    SIGN_IN_LOCKED(429, "sign-in-locked", "Too many failed sign-ins"),
    INBOUND_LIMIT(429, "inbound-limit", "New conversations limited"),
    /** Any other 4xx a framework answered with (its status is kept). */
    CLIENT_ERROR(400, "client-error", "Client error"),
    INTERNAL(500, "internal", "Internal error"),
    UNAVAILABLE(503, "unavailable", "Service unavailable"),
    METRICS_UNAVAILABLE(503, "metrics-unavailable", "Metrics unavailable"),
    PAYMENTS_NOT_CONFIGURED(503, "payments-not-configured", "Service unavailable");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** This problem, saying {@code detail} in plain words. */
    public ProblemException with(String detail) {
        return new ProblemException(this, status, detail, List.of(), Map.of());
    }

    /** This problem, naming the fields that are wrong. */
    public ProblemException with(String detail, List<ProblemException.FieldError> errors) {
        return new ProblemException(this, status, detail, errors, Map.of());
    }

    /** This problem, telling the client when to try again ({@code Retry-After}). */
    public ProblemException retryAfter(String detail, long seconds) {
        return new ProblemException(this, status, detail, List.of(), Map.of("Retry-After", Long.toString(seconds)));
    }

    /** This problem with the status a framework chose ({@link #CLIENT_ERROR} for a 4xx, {@link #INTERNAL} for a 5xx). */
    public ProblemException withStatus(int status, String detail) {
        return new ProblemException(this, status, detail, List.of(), Map.of());
    }

    /** This problem with its own response headers (the bearer challenge of a 401). */
    ProblemException withHeaders(String detail, Map<String, String> headers) {
        return new ProblemException(this, status, detail, List.of(), headers);
    }
}
