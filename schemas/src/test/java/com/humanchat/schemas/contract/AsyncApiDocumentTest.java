package com.humanchat.schemas.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.humanchat.schemas.Topic;
import com.humanchat.schemas.Topics;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document ({@code contracts/asyncapi.yaml}) tells the truth about the topics: one channel per topic of
 * {@link Topics}, each message the JSON Schema of one type of that topic, every schema of the topic used, and the
 * document valid against the official AsyncAPI 3.0.0 schema, as written and as bundled.
 */
class AsyncApiDocumentTest {

    static final String DOCUMENT = "contracts/asyncapi.yaml";
    private static final ClassLoader LOADER = AsyncApiDocumentTest.class.getClassLoader();

    private static JsonNode source() {
        try (var in = LOADER.getResourceAsStream(DOCUMENT)) {
            return ContractBundle.parseYaml(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyTopicHasAChannelAndEveryChannelIsATopic() {
        Set<String> topics = Topics.all().stream().map(Topic::name).collect(Collectors.toCollection(TreeSet::new));

        Set<String> channels = new TreeSet<>();
        source().path("channels")
                .forEach(channel -> channels.add(channel.path("address").asText()));

        assertThat(channels).as("channel addresses of %s", DOCUMENT).isEqualTo(topics);
    }

    @Test
    void everyMessageIsASchemaOfItsTopicAndEverySchemaOfATopicIsAMessageOrUsedByOne() throws Exception {
        JsonNode document = source();
        Map<String, Set<String>> unreferenced = new TreeMap<>();
        document.path("channels").forEach(channel -> {
            String topic = channel.path("address").asText();
            Set<String> payloads = new TreeSet<>();
            channel.path("messages").forEach(reference -> {
                JsonNode message = follow(document, reference);
                JsonNode payload = message.path("payload");
                assertThat(payload.path("schemaFormat").asText())
                        .as("schema format of a %s message", topic)
                        .isEqualTo("application/schema+json;version=draft-2020-12");
                String ref = payload.path("schema").path("$ref").asText();
                assertThat(ref).as("payload of a %s message", topic).startsWith("../schemas/" + topic + "/");
                String resource = "schemas/" + ref.substring("../schemas/".length());
                assertThat(LOADER.getResource(resource))
                        .as("schema %s of a %s message", resource, topic)
                        .isNotNull();
                JsonNode schema = ContractBundle.parseYaml(read(resource));
                assertThat(message.path("name").asText())
                        .as("name of the message of %s", resource)
                        .isEqualTo(schema.path("properties")
                                .path("type")
                                .path("const")
                                .asText());
                payloads.add(resource);
            });
            Set<String> used = new HashSet<>(payloads);
            payloads.forEach(resource -> used.addAll(referencedFrom(resource)));
            Set<String> missing = new TreeSet<>(schemaFilesOf(topic));
            missing.removeAll(used);
            if (!missing.isEmpty()) {
                unreferenced.put(topic, missing);
            }
        });

        assertThat(unreferenced)
                .as("schema files no message of their topic uses")
                .isEmpty();
    }

    @Test
    void theDocumentIsValidAsyncApi300() {
        assertThat(DocumentChecks.asyncApiViolations(source())).isEmpty();
    }

    @Test
    void theBundledDocumentIsValidAndSelfContained() {
        ObjectNode bundled = ContractBundle.bundle(DOCUMENT, LOADER);

        assertThat(DocumentChecks.asyncApiViolations(bundled)).isEmpty();
        assertThat(DocumentChecks.brokenRefs(bundled)).isEmpty();
        assertThat(ContractBundle.parseYaml(ContractBundle.toYaml(bundled))).isEqualTo(bundled);
    }

    @Test
    void theValidatorRefusesABrokenDocument() {
        ObjectNode broken = ContractBundle.bundle(DOCUMENT, LOADER);
        ((ObjectNode) broken.path("channels").path("chatEvents")).put("adress", "chat.events");

        assertThat(DocumentChecks.asyncApiViolations(broken)).anyMatch(violation -> violation.contains("adress"));
    }

    /** The resource itself and every schema it references, transitively (absolute {@code $id}s of our schemas). */
    private static Set<String> referencedFrom(String resource) {
        return new HashSet<>(ContractBundle.referencedResources(resource, LOADER));
    }

    private static JsonNode follow(JsonNode document, JsonNode maybeReference) {
        JsonNode node = maybeReference;
        while (node.has("$ref")) {
            node = document.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    private static Set<String> schemaFilesOf(String topic) {
        try {
            Path folder = Path.of(LOADER.getResource("schemas/" + topic).toURI());
            try (Stream<Path> files = Files.walk(folder)) {
                return files.filter(f -> f.toString().endsWith(".json"))
                        .map(f -> "schemas/" + topic + "/"
                                + folder.relativize(f).toString().replace('\\', '/'))
                        .collect(Collectors.toCollection(TreeSet::new));
            }
        } catch (IOException | URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no schema folder for topic " + topic, e);
        }
    }

    private static String read(String resource) {
        try (var in = LOADER.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
