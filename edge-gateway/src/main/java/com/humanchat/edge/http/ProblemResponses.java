package com.humanchat.edge.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The one failure handler: every error leaves the edge as {@code application/problem+json}. */
public final class ProblemResponses {

    public static final String TYPE_BASE = "https://humanchat.dev/problems/";

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private ProblemResponses() {}

    /** Router failure handler: maps the failure (or the bare status code) of a routing context to a problem. */
    public static void handleFailure(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        String requestId = RequestIds.of(ctx);
        if (requestId != null) {
            // Failure handlers may run on a later callback, outside the MDC scope of RequestIds.
            MDC.put(RequestIds.MDC_KEY, requestId);
            MDC.put(RequestIds.TRACE_MDC_KEY, RequestIds.traceOf(ctx));
        }
        try {
            send(ctx, toProblem(ctx.failure(), ctx.statusCode(), requestId));
        } finally {
            if (requestId != null) {
                MDC.remove(RequestIds.MDC_KEY);
                MDC.remove(RequestIds.TRACE_MDC_KEY);
            }
        }
    }

    public static ProblemException toProblem(Throwable failure, int statusCode) {
        return toProblem(failure, statusCode, null);
    }

    /** As {@link #toProblem(Throwable, int)}; a 5xx is logged with the request id. */
    public static ProblemException toProblem(Throwable cause, int statusCode, String requestId) {
        Throwable failure = cause == null ? null : DatabaseFailures.toProblem(cause);
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        if (failure instanceof DecodeException) {
            return ProblemException.badRequest("malformed JSON: " + firstLine(failure.getMessage()));
        }
        if (failure instanceof HttpException http) {
            return byStatus(http.getStatusCode(), http.getPayload());
        }
        if (failure != null && statusCode >= 400 && statusCode < 500) {
            // ctx.fail(status, cause) from a vertx-web handler (e.g. CorsHandler's 403): the status is the answer.
            return byStatus(statusCode, firstLine(failure.getMessage()));
        }
        if (failure != null) {
            LOG.error("unhandled failure (request {})", requestId, failure);
            return ProblemType.INTERNAL.with("an unexpected error occurred");
        }
        ProblemException problem = byStatus(statusCode == -1 ? 500 : statusCode, null);
        if (problem.status() >= 500) {
            LOG.error("answering {} (request {})", problem.status(), requestId);
        }
        return problem;
    }

    public static void send(RoutingContext ctx, ProblemException problem) {
        JsonObject body = new JsonObject()
                .put("type", TYPE_BASE + problem.slug())
                .put("title", problem.title())
                .put("status", problem.status())
                .put("detail", problem.getMessage())
                .put("instance", ctx.request().path());
        String requestId = RequestIds.of(ctx);
        if (requestId != null) {
            // An RFC 9457 extension member: lets a user quote the id that the logs carry.
            body.put("requestId", requestId);
        }
        if (!problem.errors().isEmpty()) {
            JsonArray errors = new JsonArray();
            problem.errors()
                    .forEach(e ->
                            errors.add(new JsonObject().put("field", e.field()).put("message", e.message())));
            body.put("errors", errors);
        }
        problem.extensions().forEach(body::put);
        problem.headers().forEach((name, value) -> ctx.response().putHeader(name, value));
        ctx.response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", "application/problem+json")
                .end(body.encode());
    }

    private static ProblemException byStatus(int status, String detail) {
        return switch (status) {
            case 400 -> ProblemException.badRequest(detail == null ? "the request is malformed" : detail);
            case 401 -> ProblemException.unauthorized(detail == null ? "a valid bearer token is required" : detail);
            case 403 -> ProblemException.forbidden(detail == null ? "not allowed" : detail);
            case 404 -> ProblemException.notFound(detail == null ? "no such resource" : detail);
            case 405 -> ProblemType.METHOD_NOT_ALLOWED.with("this method is not allowed here");
            case 413 -> ProblemException.tooLarge(detail == null ? "the request body is too large" : detail);
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE.with("send application/json");
            default ->
                status >= 400 && status < 500
                        ? ProblemType.CLIENT_ERROR.withStatus(status, detail == null ? "request refused" : detail)
                        : ProblemType.INTERNAL.withStatus(status, "an unexpected error occurred");
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable body";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
