package com.humanchat.schemas.contract;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks shared by the contract tests of every module: AsyncAPI validity and the $refs of a bundled document. */
public final class DocumentChecks {

    private static final JsonSchema ASYNCAPI_3_0_0 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(SchemaLocation.of("classpath:asyncapi/asyncapi-3.0.0.schema.json"));

    private DocumentChecks() {}

    /** What the official AsyncAPI 3.0.0 JSON Schema finds wrong with a document; empty when it is valid. */
    public static List<String> asyncApiViolations(JsonNode document) {
        return ASYNCAPI_3_0_0.validate(document).stream()
                .map(ValidationMessage::toString)
                .sorted()
                .toList();
    }

    /** Every {@code $ref} of a document with its location, as (location → reference). */
    public static List<Map.Entry<String, String>> refs(JsonNode document) {
        List<Map.Entry<String, String>> found = new ArrayList<>();
        collect(document, "", found);
        return found;
    }

    /** References that leave the document or point at nothing in it; empty for a well bundled document. */
    public static List<String> brokenRefs(JsonNode document) {
        List<String> broken = new ArrayList<>();
        for (Map.Entry<String, String> ref : refs(document)) {
            String target = ref.getValue();
            if (!target.startsWith("#")) {
                broken.add(ref.getKey() + ": external " + target);
            } else if (document.at(JsonPointer.compile(target.substring(1))).isMissingNode()) {
                broken.add(ref.getKey() + ": nothing at " + target);
            }
        }
        return broken;
    }

    private static void collect(JsonNode node, String at, List<Map.Entry<String, String>> found) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                found.add(Map.entry(at, ref.textValue()));
            }
            node.properties().forEach(field -> collect(field.getValue(), at + "/" + field.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at + "/" + i, found);
            }
        }
    }
}
