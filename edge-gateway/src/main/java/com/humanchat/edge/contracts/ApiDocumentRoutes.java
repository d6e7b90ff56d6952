package com.humanchat.edge.contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.humanchat.schemas.contract.ContractBundle;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/openapi.{yaml,json}}, {@code /api/asyncapi.{yaml,json}} (Kafka topics) and
 * {@code /api/asyncapi-ws.{yaml,json}} (WebSocket frames), public: each document bundled into one self-contained file
 * (see {@link ContractBundle} for why), once per process.
 */
public final class ApiDocumentRoutes {

    /** Class-path source of each served document, by the name it is served under (without extension). */
    public static final Map<String, String> SOURCES = sources();

    static final String YAML = "application/yaml; charset=utf-8";
    static final String JSON = "application/json";

    /** Public documents that change only with a deployment: a short shared cache is fine. */
    private static final String CACHE_CONTROL = "public, max-age=300";

    private static Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("openapi", "contracts/openapi.yaml");
        sources.put("asyncapi", "contracts/asyncapi.yaml");
        sources.put("asyncapi-ws", "contracts/asyncapi-ws.yaml");
        return Map.copyOf(sources);
    }

    private record Rendered(String yaml, String json) {}

    /** Bundled on first use by any server instance of the process; a document that cannot be bundled fails the start. */
    private static final class Documents {
        static final Map<String, Rendered> BY_NAME = render();

        private static Map<String, Rendered> render() {
            Map<String, Rendered> rendered = new LinkedHashMap<>();
            SOURCES.forEach((name, resource) -> {
                ObjectNode document = ContractBundle.bundle(resource, ApiDocumentRoutes.class.getClassLoader());
                rendered.put(name, new Rendered(ContractBundle.toYaml(document), ContractBundle.toJson(document)));
            });
            return Map.copyOf(rendered);
        }
    }

    /** Mounts the document routes on the {@code /api} router; no authentication. */
    public void mount(Router api) {
        Documents.BY_NAME.forEach((name, document) -> {
            api.get("/" + name + ".yaml").handler(ctx -> send(ctx, YAML, document.yaml()));
            api.get("/" + name + ".json").handler(ctx -> send(ctx, JSON, document.json()));
        });
    }

    private static void send(RoutingContext ctx, String contentType, String body) {
        ctx.response()
                .putHeader("Content-Type", contentType)
                .putHeader("Cache-Control", CACHE_CONTROL)
                .end(body);
    }
}
