package com.humanchat.schemas.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OpenAPI or AsyncAPI document made self-contained: every JSON Schema file it references (relatively, or by the
 * {@code $id} base of our schemas) is embedded once under {@code components.schemas}, named after its path, and every
 * {@code $ref} points inside the document.
 *
 * <p>Why bundle instead of serving the schema folders: the topic schemas reference each other by absolute {@code $id}
 * ({@code https://schemas.humanchat.dev/defs.v1.json#/$defs/uuid}), which no client can fetch, and the tools that read
 * these documents (viewers, generators, the AsyncAPI and OpenAPI parsers) resolve plain JSON pointers but not
 * {@code $id}s. The embedded schemas lose their {@code $id} so that their rewritten local references resolve against
 * the document. Done when a document is first asked for, so the served document can never disagree with the schema
 * files in the same jar.
 */
public final class ContractBundle {

    /** The {@code $id} base of the topic schemas (module {@code schemas}, folder {@code schemas/}). */
    static final String TOPIC_SCHEMAS_BASE = "https://schemas.humanchat.dev/";
    /** The {@code $id} base of the edge's request schemas (folder {@code api-schemas/}). */
    static final String API_SCHEMAS_BASE = "https://humanchat.dev/api-schemas/";

    private static final String COMPONENTS_PREFIX = "#/components/schemas/";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .build())
            .build();

    private final ClassLoader loader;
    private final ObjectNode schemas;
    private final Map<String, String> componentByResource = new LinkedHashMap<>();

    private ContractBundle(ClassLoader loader, ObjectNode root) {
        this.loader = loader;
        JsonNode components = root.path("components");
        ObjectNode holder = components.isObject() ? (ObjectNode) components : root.putObject("components");
        JsonNode existing = holder.path("schemas");
        this.schemas = existing.isObject() ? (ObjectNode) existing : holder.putObject("schemas");
    }

    /**
     * Reads the YAML or JSON document at {@code resource} on the class path and bundles it.
     *
     * @throws IllegalArgumentException when the document or a schema it references does not exist, or a reference
     *     points at a location outside the class path
     */
    public static ObjectNode bundle(String resource, ClassLoader loader) {
        ObjectNode root = (ObjectNode) read(resource, loader);
        ContractBundle bundle = new ContractBundle(loader, root);
        bundle.rewrite(root, parentOf(resource), null);
        return root;
    }

    /** The class-path resources a source document references directly and through the schemas it embeds. */
    public static List<String> referencedResources(String resource, ClassLoader loader) {
        ObjectNode root = (ObjectNode) read(resource, loader);
        ContractBundle bundle = new ContractBundle(loader, root);
        bundle.rewrite(root, parentOf(resource), null);
        return new ArrayList<>(bundle.componentByResource.keySet());
    }

    /** The document as JSON text. */
    public static String toJson(JsonNode document) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The document as YAML text. */
    public static String toYaml(JsonNode document) {
        try {
            return YAML.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses YAML (or JSON, which is YAML) text. */
    public static JsonNode parseYaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not YAML: " + e.getOriginalMessage(), e);
        }
    }

    private void rewrite(JsonNode node, String baseDir, String self) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                object.put("$ref", resolve(ref.textValue(), baseDir, self));
            }
            object.properties().forEach(field -> {
                if (!field.getKey().equals("$ref")) {
                    rewrite(field.getValue(), baseDir, self);
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> rewrite(item, baseDir, self));
        }
    }

    /** The document-local form of a reference made in a file of {@code baseDir} (embedded as {@code self}, if any). */
    private String resolve(String ref, String baseDir, String self) {
        int hash = ref.indexOf('#');
        String target = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        if (!fragment.isEmpty() && !fragment.startsWith("/")) {
            throw new IllegalArgumentException("only JSON-pointer fragments are supported: " + ref);
        }
        if (target.isEmpty()) {
            return self == null ? ref : COMPONENTS_PREFIX + self + fragment;
        }
        String resource;
        if (target.startsWith(TOPIC_SCHEMAS_BASE)) {
            resource = "schemas/" + target.substring(TOPIC_SCHEMAS_BASE.length());
        } else if (target.startsWith(API_SCHEMAS_BASE)) {
            resource = "api-schemas/" + target.substring(API_SCHEMAS_BASE.length());
        } else if (URI.create(target).isAbsolute()) {
            throw new IllegalArgumentException("a reference outside the class path: " + ref);
        } else {
            resource = normalize(baseDir + target);
        }
        return COMPONENTS_PREFIX + embed(resource) + fragment;
    }

    private String embed(String resource) {
        String known = componentByResource.get(resource);
        if (known != null) {
            return known;
        }
        String name = componentName(resource);
        componentByResource.put(resource, name);
        JsonNode schema = read(resource, loader);
        if (schema instanceof ObjectNode object) {
            object.remove("$id");
        }
        schemas.set(name, schema);
        rewrite(schema, parentOf(resource), name);
        return name;
    }

    /** {@code schemas/chat.events/message.sent.v1.json} → {@code schemas.chat.events.message.sent.v1}. */
    static String componentName(String resource) {
        String withoutExtension = resource.replaceFirst("\\.(json|ya?ml)$", "");
        return withoutExtension.replace('/', '.');
    }

    private static JsonNode read(String resource, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource + " on the class path");
            }
            return resource.endsWith(".json") ? JSON.readTree(in) : YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String parentOf(String resource) {
        int slash = resource.lastIndexOf('/');
        return slash < 0 ? "" : resource.substring(0, slash + 1);
    }

    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new IllegalArgumentException("a reference above the class path root: " + path);
                }
                parts.removeLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }
}
