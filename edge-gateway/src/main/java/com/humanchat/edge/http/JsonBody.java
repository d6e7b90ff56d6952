package com.humanchat.edge.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.humanchat.schemas.Json;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request bodies are parsed once and checked against the JSON Schema of the request
 * ({@code classpath:api-schemas/<name>.json}) before any handler sees them; violations become a 400 problem
 * with one entry per invalid field.
 */
public final class JsonBody {

    private static final String BODY_KEY = "humanchat.body";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(
                    mappers -> mappers.mapPrefix("https://humanchat.dev/api-schemas/", "classpath:api-schemas/")));

    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private JsonBody() {}

    private static JsonSchema schema(String schemaName) {
        return SCHEMAS.computeIfAbsent(schemaName, name -> {
            JsonSchema schema =
                    FACTORY.getSchema(SchemaLocation.of("https://humanchat.dev/api-schemas/" + name + ".json"), CONFIG);
            schema.initializeValidators();
            return schema;
        });
    }

    /** A route handler that validates the body against {@code api-schemas/<schemaName>.json}. */
    public static Handler<RoutingContext> validated(String schemaName) {
        JsonSchema schema = schema(schemaName);
        return ctx -> {
            String raw = ctx.body() == null ? null : ctx.body().asString();
            if (raw == null || raw.isBlank()) {
                ctx.fail(ProblemException.badRequest("a JSON body is required"));
                return;
            }
            JsonNode node;
            try {
                node = Json.mapper().readTree(raw);
            } catch (JsonProcessingException e) {
                ctx.fail(ProblemException.badRequest("malformed JSON: " + e.getOriginalMessage()));
                return;
            }
            if (node == null || !node.isObject()) {
                ctx.fail(ProblemException.badRequest("the body must be a JSON object"));
                return;
            }
            List<ProblemException.FieldError> violations = check(schema, node);
            if (!violations.isEmpty()) {
                ctx.fail(ProblemException.invalid(violations));
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = Json.mapper().convertValue(node, Map.class);
            ctx.put(BODY_KEY, new JsonObject(map));
            ctx.next();
        };
    }

    /** The body a {@link #validated} handler accepted earlier in the chain. */
    public static JsonObject of(RoutingContext ctx) {
        JsonObject body = ctx.get(BODY_KEY);
        if (body == null) {
            throw new IllegalStateException("route has no JsonBody.validated handler before it");
        }
        return body;
    }

    /** For WebSocket frames: validate an already parsed frame against a schema (no second parse). */
    public static List<String> violations(String schemaName, JsonNode frame) {
        return check(schema(schemaName), frame).stream()
                .map(ProblemException.FieldError::message)
                .toList();
    }

    /**
     * The schema's violations, plus any string holding U+0000: PostgreSQL text cannot store it, so such a value would
     * be accepted here and then refused by the projection — an acknowledged message lost from the history.
     */
    private static List<ProblemException.FieldError> check(JsonSchema schema, JsonNode node) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        findNul(node, "", errors);
        for (ValidationMessage violation : schema.validate(node)) {
            errors.add(new ProblemException.FieldError(
                    violation.getInstanceLocation().toString(), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(ProblemException.FieldError::field));
        return errors;
    }

    private static void findNul(JsonNode node, String pointer, List<ProblemException.FieldError> errors) {
        if (node.isTextual() && node.textValue().indexOf('\u0000') >= 0) {
            errors.add(new ProblemException.FieldError(pointer, pointer + ": must not contain U+0000"));
        } else if (node.isObject()) {
            node.properties().forEach(field -> {
                String child = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                if (field.getKey().indexOf('\u0000') >= 0) {
                    errors.add(new ProblemException.FieldError(child, "field names must not contain U+0000"));
                }
                findNul(field.getValue(), child, errors);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findNul(node.get(i), pointer + "/" + i, errors);
            }
        }
    }
}
