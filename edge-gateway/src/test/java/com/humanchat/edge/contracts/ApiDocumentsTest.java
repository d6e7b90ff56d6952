package com.humanchat.edge.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.humanchat.schemas.contract.ContractBundle;
import com.humanchat.schemas.contract.DocumentChecks;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documents the edge serves are valid and self-contained: OpenAPI 3.1 as swagger-parser reads it, the WebSocket's
 * AsyncAPI against the official 3.0.0 schema, no reference leaving a document or pointing at nothing, and every request
 * schema the edge validates with is described by one of them.
 */
class ApiDocumentsTest {

    private static final ClassLoader LOADER = ApiDocumentsTest.class.getClassLoader();

    static ObjectNode bundled(String name) {
        return ContractBundle.bundle(ApiDocumentRoutes.SOURCES.get(name), LOADER);
    }

    static SwaggerParseResult parseOpenApi(JsonNode document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(ContractBundle.toJson(document), null, options);
    }

    @Test
    void theOpenApiDocumentIsValidOpenApi31() {
        SwaggerParseResult result = parseOpenApi(bundled("openapi"));

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void theOpenApiParserRefusesABrokenDocument() {
        ObjectNode broken = bundled("openapi");
        ((ObjectNode) broken.path("paths").path("/api/auth/login").path("post")).put("responses", "none");

        assertThat(parseOpenApi(broken).getMessages()).isNotEmpty();
    }

    @Test
    void theWebSocketDocumentIsValidAsyncApi300AsWrittenAndAsBundled() {
        JsonNode source = ContractBundle.parseYaml(read(ApiDocumentRoutes.SOURCES.get("asyncapi-ws")));

        assertThat(DocumentChecks.asyncApiViolations(source)).isEmpty();
        assertThat(DocumentChecks.asyncApiViolations(bundled("asyncapi-ws"))).isEmpty();
    }

    @Test
    void everyServedDocumentIsSelfContained() {
        ApiDocumentRoutes.SOURCES.keySet().forEach(name -> assertThat(DocumentChecks.brokenRefs(bundled(name)))
                .as(name)
                .isEmpty());
    }

    @Test
    void everyRequestSchemaOfTheEdgeIsDescribedByADocument() {
        Set<String> used = new TreeSet<>();
        used.addAll(ContractBundle.referencedResources(ApiDocumentRoutes.SOURCES.get("openapi"), LOADER));
        used.addAll(ContractBundle.referencedResources(ApiDocumentRoutes.SOURCES.get("asyncapi-ws"), LOADER));

        assertThat(used).containsAll(requestSchemas());
    }

    private static Set<String> requestSchemas() {
        try {
            Path folder = Path.of(LOADER.getResource("api-schemas").toURI());
            try (Stream<Path> files = Files.list(folder)) {
                return files.map(f -> "api-schemas/" + f.getFileName())
                        .filter(f -> f.endsWith(".json"))
                        .collect(Collectors.toCollection(TreeSet::new));
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
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
