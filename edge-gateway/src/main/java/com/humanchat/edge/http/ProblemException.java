package com.humanchat.edge.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure that becomes an RFC 9457 {@code application/problem+json} answer; handlers throw or fail with it
 * and never write error bodies themselves. Made only from a {@link ProblemType} (the catalogue), never by hand.
 */
public final class ProblemException extends RuntimeException {

    /** One invalid field: a JSON pointer-like location and what is wrong with it. */
    public record FieldError(String field, String message) {}

    private final ProblemType type;
    private final int status;
    private final List<FieldError> errors;
    private final Map<String, String> headers;
    private final Map<String, Object> extensions;

    /** @param status the type's own status, or the one a framework chose ({@link ProblemType#withStatus}) */
    ProblemException(
            ProblemType type, int status, String detail, List<FieldError> errors, Map<String, String> headers) {
        this(type, status, detail, errors, headers, Map.of());
    }

    private ProblemException(
            ProblemType type,
            int status,
            String detail,
            List<FieldError> errors,
            Map<String, String> headers,
            Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.type = type;
        this.status = status;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
        this.extensions = Map.copyOf(extensions);
    }

    /** This problem with the RFC 9457 extension member {@code name} (such as a refused booking's {@code nextSlots}). */
    public ProblemException withExtension(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new ProblemException(type, status, getMessage(), errors, headers, more);
    }

    public static ProblemException badRequest(String detail) {
        return ProblemType.BAD_REQUEST.with(detail);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return ProblemType.VALIDATION.with("the request body does not match its schema", errors);
    }

    public static ProblemException unauthorized(String detail) {
        return ProblemType.UNAUTHORIZED.withHeaders(detail, Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ProblemException forbidden(String detail) {
        return ProblemType.FORBIDDEN.with(detail);
    }

    /** The caller's e-mail address is not verified yet, and {@code forWhat} needs it. */
    public static ProblemException emailUnverified(String forWhat) {
        return ProblemType.EMAIL_UNVERIFIED.with(
                "verify your e-mail address first: " + forWhat + " needs a verified address");
    }

    public static ProblemException notFound(String detail) {
        return ProblemType.NOT_FOUND.with(detail);
    }

    public static ProblemException conflict(String detail) {
        return ProblemType.CONFLICT.with(detail);
    }

    public static ProblemException tooLarge(String detail) {
        return ProblemType.TOO_LARGE.with(detail);
    }

    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return ProblemType.RATE_LIMITED.retryAfter(detail, retryAfterSeconds);
    }

    /** A dependency (Kafka, PostgreSQL) is unavailable; the client may retry after the given delay. */
    public static ProblemException unavailable(String detail, long retryAfterSeconds) {
        return ProblemType.UNAVAILABLE.retryAfter(detail, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    /** The last segment of the problem type URI, e.g. {@code not-found}. */
    public String slug() {
        return type.slug();
    }

    public String title() {
        return type.title();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The extension members the problem's body carries besides the standard ones. */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
