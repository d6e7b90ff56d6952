package com.humanchat.edge.http;

import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;

/** Reads path and query parameters; anything malformed becomes a 400 problem naming the parameter. */
public final class RequestParams {

    private RequestParams() {}

    public static UUID pathUuid(RoutingContext ctx, String name) {
        String value = ctx.pathParam(name);
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest(name + " must be a UUID, was '" + abbreviate(value) + "'");
        }
    }

    /** An integer query parameter within [min, max]; {@code fallback} when absent. */
    public static int intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
        Long value = longParam(ctx, name, min, max);
        return value == null ? fallback : value.intValue();
    }

    /** A whole-number query parameter within [min, max]; null when absent. */
    public static Long longParam(RoutingContext ctx, String name, long min, long max) {
        String value = ctx.queryParams().get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a whole number, was '" + abbreviate(value) + "'");
        }
        if (parsed < min || parsed > max) {
            throw ProblemException.badRequest(name + " must be between " + min + " and " + max + ", was " + parsed);
        }
        return parsed;
    }

    /** An ISO-8601 instant query parameter; null when absent. */
    public static OffsetDateTime instantParam(RoutingContext ctx, String name) {
        String value = ctx.queryParams().get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw ProblemException.badRequest(
                        name + " must be an ISO-8601 instant, was '" + abbreviate(value) + "'");
            }
        }
    }

    /** A query parameter naming one of {@code values} by its wire name; null when absent. */
    public static <E> E wireParam(RoutingContext ctx, String name, E[] values, Function<E, String> wire) {
        String value = ctx.queryParams().get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (E candidate : values) {
            if (wire.apply(candidate).equals(value)) {
                return candidate;
            }
        }
        throw ProblemException.badRequest(name + " must be one of "
                + Arrays.stream(values).map(wire).toList() + ", was '" + abbreviate(value) + "'");
    }

    public static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
