package com.humanchat.edge.http;

import java.util.List;
import java.util.Map;

/**
 * A failure that becomes an RFC 9457 {@code application/problem+json} answer; handlers throw or fail with it
 * and never write error bodies themselves.
 */
public final class ProblemException extends RuntimeException {

    /** One invalid field: a JSON pointer-like location and what is wrong with it. */
    public record FieldError(String field, String message) {}

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(
            int status,
            String slug,
            String title,
            String detail,
            List<FieldError> errors,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad-request", "Bad request", detail, List.of(), Map.of());
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(
                400, "validation", "Invalid request", "the request body does not match its schema", errors, Map.of());
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(
                401, "unauthorized", "Unauthorized", detail, List.of(), Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of(), Map.of());
    }

    /** The caller's e-mail address is not verified yet, and {@code forWhat} needs it. */
    public static ProblemException emailUnverified(String forWhat) {
        return new ProblemException(
                403,
                "email-unverified",
                "Forbidden",
                "verify your e-mail address first: " + forWhat + " needs a verified address",
                List.of(),
                Map.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, List.of(), Map.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, List.of(), Map.of());
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "too-large", "Payload too large", detail, List.of(), Map.of());
    }

    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(
                429,
                "rate-limited",
                "Too many requests",
                detail,
                List.of(),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** A dependency (Kafka, PostgreSQL) is unavailable; the client may retry after the given delay. */
    public static ProblemException unavailable(String detail, long retryAfterSeconds) {
        return new ProblemException(
                503,
                "unavailable",
                "Service unavailable",
                detail,
                List.of(),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    public int status() {
        return status;
    }

    /** The last segment of the problem type URI, e.g. {@code not-found}. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
