package com.humanchat.schemas;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.humanchat.schemas.chat.ChatCommand;
import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.UnreadEvent;
import com.humanchat.schemas.users.UserEvent;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of every record type, loaded from the classpath ({@code schemas/<topic>/<type>.v1.json})
 * and applied with a real JSON Schema 2020-12 validator, formats asserted.
 */
public final class RecordSchemas {

    /** Where the schemas claim to live; resolved to the classpath so nothing is fetched. */
    public static final String BASE_URI = "https://schemas.humanchat.dev/";

    private static final Map<Class<?>, String> FAMILIES = Map.of(
            ChatCommand.class, Topics.CHAT_COMMANDS.name(),
            ChatEvent.class, Topics.CHAT_EVENTS.name(),
            UnreadEvent.class, Topics.CHAT_UNREAD.name(),
            UserEvent.class, Topics.USERS_EVENTS.name());

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE_URI, "classpath:schemas/")));

    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private static final Map<String, JsonSchema> LOADED = new ConcurrentHashMap<>();

    /** Every record type by its wire name, mapped to the location of its schema. */
    public static Map<String, String> schemaLocations() {
        Map<String, String> locations = new LinkedHashMap<>();
        FAMILIES.forEach((family, topic) -> {
            for (JsonSubTypes.Type type :
                    family.getAnnotation(JsonSubTypes.class).value()) {
                locations.put(type.name(), BASE_URI + topic + "/" + type.name() + ".v1.json");
            }
        });
        return locations;
    }

    /** Validates one record (with its {@code type} property) and returns the violations, empty when valid. */
    public static List<String> violations(JsonNode record) {
        JsonNode type = record.get("type");
        if (type == null || !type.isTextual()) {
            return List.of("$.type: required string is missing");
        }
        String location = schemaLocations().get(type.asText());
        if (location == null) {
            return List.of("$.type: unknown record type '" + type.asText() + "'");
        }
        JsonSchema schema = LOADED.computeIfAbsent(location, uri -> FACTORY.getSchema(SchemaLocation.of(uri), CONFIG));
        Set<ValidationMessage> messages = schema.validate(record);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private RecordSchemas() {}
}
