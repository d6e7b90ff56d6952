package com.humanchat.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/** The Kubernetes objects of one {@code helm template} run, parsed, with lookups by component and kind. */
record RenderedManifests(List<JsonNode> objects) {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "Job");

    static RenderedManifests parse(String yaml) {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || !document.hasNonNull("kind")) {
                    continue;
                }
                if (HumanChatChart.HOOKS_CONFIG_MAP.equals(
                        document.path("metadata").path("name").asText())) {
                    // The hooks, rendered inside a carrier ConfigMap (see HumanChatChart): unpack them.
                    for (JsonNode hookYaml : document.path("data")) {
                        objects.addAll(parse(hookYaml.asText()).objects());
                    }
                    continue;
                }
                objects.add(document);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("helm template produced unreadable YAML", e);
        }
        return new RenderedManifests(List.copyOf(objects));
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .toList();
    }

    List<JsonNode> ofComponent(String component) {
        return objects.stream()
                .filter(o -> component.equals(o.path("metadata")
                        .path("labels")
                        .path("app.kubernetes.io/component")
                        .asText()))
                .toList();
    }

    Set<String> kindsOf(String component) {
        Set<String> kinds = new LinkedHashSet<>();
        ofComponent(component).forEach(o -> kinds.add(o.path("kind").asText()));
        return kinds;
    }

    Optional<JsonNode> find(String component, String kind) {
        return ofComponent(component).stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .findFirst();
    }

    JsonNode get(String component, String kind) {
        return find(component, kind)
                .orElseThrow(() -> new AssertionError(
                        "no " + kind + " rendered for component " + component + "; rendered: " + kindsOf(component)));
    }

    /** Deployments, StatefulSets and Jobs: everything that runs a pod. */
    List<JsonNode> workloads() {
        return objects.stream()
                .filter(o -> WORKLOAD_KINDS.contains(o.path("kind").asText()))
                .toList();
    }

    static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    static JsonNode firstContainer(JsonNode workload) {
        return podSpec(workload).path("containers").path(0);
    }

    /** The HUMANCHAT_* (and other) variable names a workload's first container gets: env entries + its ConfigMap. */
    Set<String> environmentOf(String component, String kind) {
        JsonNode container = firstContainer(get(component, kind));
        Set<String> names = new LinkedHashSet<>();
        container.path("env").forEach(e -> names.add(e.path("name").asText()));
        for (JsonNode source : container.path("envFrom")) {
            String configMap = source.path("configMapRef").path("name").asText();
            ofKind("ConfigMap").stream()
                    .filter(c ->
                            configMap.equals(c.path("metadata").path("name").asText()))
                    .forEach(c -> c.path("data").fieldNames().forEachRemaining(names::add));
        }
        return names;
    }

    JsonNode configMapData(String component) {
        return get(component, "ConfigMap").path("data");
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
