package com.humanchat.schemas;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.humanchat.schemas.admin.AnnouncementPublished;
import com.humanchat.schemas.admin.MetricsSnapshot;
import com.humanchat.schemas.availability.AvailabilityCommand;
import com.humanchat.schemas.availability.AvailabilityEvent;
import com.humanchat.schemas.chat.ChatCommand;
import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.UnreadEvent;
import com.humanchat.schemas.payments.PaymentCommand;
import com.humanchat.schemas.payments.PaymentEvent;
import com.humanchat.schemas.payments.PaymentWebhook;
import com.humanchat.schemas.requests.RequestCommand;
import com.humanchat.schemas.requests.RequestEvent;
import com.humanchat.schemas.rtc.RtcSignal;
import com.humanchat.schemas.safety.SafetyEvent;
import com.humanchat.schemas.sam.SamActionEvent;
import com.humanchat.schemas.sam.SamActions;
import com.humanchat.schemas.sam.SamRequest;
import com.humanchat.schemas.sessions.SessionCommand;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.users.UserEvent;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of every record type, loaded from the classpath ({@code schemas/<topic>/<type>.v1.json})
 * and applied with a real JSON Schema 2020-12 validator, formats asserted. A type name is unique within its topic,
 * not across topics ({@code command.rejected} is on every events topic), so a record is validated with its topic.
 */
public final class RecordSchemas {

    /** Where the schemas claim to live; resolved to the classpath so nothing is fetched. */
    public static final String BASE_URI = "https://schemas.humanchat.dev/";

    /** The record family of every topic: the class whose {@code @JsonSubTypes} names the topic's types. */
    private static final Map<String, Class<?>> FAMILIES = familiesByTopic();

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE_URI, "classpath:schemas/")));

    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private static final Map<String, JsonSchema> LOADED = new ConcurrentHashMap<>();

    private static Map<String, Class<?>> familiesByTopic() {
        Map<String, Class<?>> families = new LinkedHashMap<>();
        families.put(Topics.CHAT_COMMANDS.name(), ChatCommand.class);
        families.put(Topics.CHAT_EVENTS.name(), ChatEvent.class);
        families.put(Topics.CHAT_UNREAD.name(), UnreadEvent.class);
        families.put(Topics.USERS_EVENTS.name(), UserEvent.class);
        families.put(Topics.USERS_SAFETY.name(), SafetyEvent.class);
        families.put(Topics.SESSIONS_COMMANDS.name(), SessionCommand.class);
        families.put(Topics.SESSIONS_EVENTS.name(), SessionEvent.class);
        families.put(Topics.AVAILABILITY_COMMANDS.name(), AvailabilityCommand.class);
        families.put(Topics.AVAILABILITY_EVENTS.name(), AvailabilityEvent.class);
        families.put(Topics.REQUESTS_COMMANDS.name(), RequestCommand.class);
        families.put(Topics.REQUESTS_EVENTS.name(), RequestEvent.class);
        families.put(Topics.RTC_SIGNALS.name(), RtcSignal.class);
        families.put(Topics.SAM_REQUESTS.name(), SamRequest.class);
        families.put(Topics.SAM_ACTIONS.name(), SamActionEvent.class);
        families.put(Topics.PAYMENTS_COMMANDS.name(), PaymentCommand.class);
        families.put(Topics.PAYMENTS_WEBHOOKS.name(), PaymentWebhook.class);
        families.put(Topics.PAYMENTS_EVENTS.name(), PaymentEvent.class);
        families.put(Topics.ADMIN_ANNOUNCEMENTS.name(), AnnouncementPublished.class);
        families.put(Topics.ADMIN_METRICS.name(), MetricsSnapshot.class);
        return Collections.unmodifiableMap(families);
    }

    /** Every record type as {@code <topic>/<type>}, mapped to the location of its schema. */
    public static Map<String, String> schemaLocations() {
        Map<String, String> locations = new LinkedHashMap<>();
        FAMILIES.forEach((topic, family) -> {
            for (JsonSubTypes.Type type :
                    family.getAnnotation(JsonSubTypes.class).value()) {
                String path = topic + "/" + type.name();
                locations.put(path, BASE_URI + path + ".v1.json");
            }
        });
        return locations;
    }

    /**
     * Validates one record (with its {@code type} property) of the topic {@code topicName} and returns the violations,
     * empty when valid.
     */
    public static List<String> violations(String topicName, JsonNode record) {
        JsonNode type = record.get("type");
        if (type == null || !type.isTextual()) {
            return List.of("$.type: required string is missing");
        }
        String location = schemaLocations().get(topicName + "/" + type.asText());
        if (location == null) {
            return List.of("$.type: unknown record type '" + type.asText() + "' on topic " + topicName);
        }
        return validate(location, record);
    }

    /**
     * Validates one action Sam proposes (with its {@code type} property, one of {@link SamActions#TYPES}) against
     * {@code sam.actions/actions/<type>.v1.json}; an unknown type is a violation.
     */
    public static List<String> actionViolations(JsonNode action) {
        JsonNode type = action == null ? null : action.get("type");
        if (type == null || !type.isTextual()) {
            return List.of("$.type: required string is missing");
        }
        if (!SamActions.TYPES.contains(type.asText())) {
            return List.of("$.type: unknown action type '" + type.asText() + "'");
        }
        return validate(BASE_URI + Topics.SAM_ACTIONS.name() + "/actions/" + type.asText() + ".v1.json", action);
    }

    private static List<String> validate(String location, JsonNode node) {
        JsonSchema schema = LOADED.computeIfAbsent(location, uri -> FACTORY.getSchema(SchemaLocation.of(uri), CONFIG));
        Set<ValidationMessage> messages = schema.validate(node);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private RecordSchemas() {}
}
