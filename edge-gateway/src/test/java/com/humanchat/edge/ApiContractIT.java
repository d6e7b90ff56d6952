package com.humanchat.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.contracts.ApiDocumentRoutes;
import com.humanchat.schemas.Json;
import com.humanchat.schemas.contract.ContractBundle;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document and the edge agree: every route of the router the edge serves is a documented operation, every
 * documented operation is answered by a route of a running edge (not the router's 404 or 405), the documents are
 * served, and real answers match the documented response schemas.
 */
class ApiContractIT {

    /**
     * Pattern routes of the real router, which are not endpoints, each known: the per-address sign-in limit (a POST
     * pattern that only counts, then passes on) and the static web client (a GET pattern for every path outside the
     * API, the socket, health and metrics). Every route with a path is an endpoint and must be documented; a new
     * pattern route fails the test until it is documented or added here knowingly.
     */
    private static final List<String> PATTERN_ROUTE_METHODS = List.of("GET", "POST");

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");

    private static final String DOCUMENT_URI = "https://humanchat.test/openapi.json";

    /** The bundled OpenAPI document as a JSON Schema 2020-12 resource, so that its internal $refs resolve. */
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(
                    DOCUMENT_URI,
                    ContractBundle.toJson(ContractBundle.bundle(
                            ApiDocumentRoutes.SOURCES.get("openapi"), ApiContractIT.class.getClassLoader()))))));

    private static TestEdge edge;
    private static String adminToken;
    private static UUID adminId;
    private static ObjectNode openApi;

    @BeforeAll
    static void start() {
        // Payments are configured so that their routes answer for themselves instead of the catch-all 503.
        edge = TestEdge.start(
                "api_contract", Map.of("HUMANCHAT_STRIPE_WEBHOOK_SECRET", "whsec_api_contract_" + UUID.randomUUID()));
        JsonObject admin = edge.register(TestEdge.ADMIN_EMAIL, "correct horse battery", "Contract Admin");
        adminToken = admin.getString("accessToken");
        adminId = UUID.fromString(admin.getJsonObject("user").getString("id"));
        edge.verifyEmail(TestEdge.ADMIN_EMAIL);
        openApi = ContractBundle.bundle(ApiDocumentRoutes.SOURCES.get("openapi"), ApiContractIT.class.getClassLoader());
    }

    @AfterAll
    static void stop() {
        if (edge != null) {
            edge.close();
        }
    }

    @Test
    void everyRouteOfTheEdgeIsDocumentedAndEveryDocumentedOperationIsARoute() {
        List<RouteInventory.Endpoint> endpoints = RouteInventory.endpoints(edge.edge());
        Set<String> routes = endpoints.stream()
                .filter(endpoint -> !endpoint.regex())
                .map(endpoint -> endpoint.method() + " " + template(endpoint.path()))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(endpoints.stream().filter(RouteInventory.Endpoint::regex).map(RouteInventory.Endpoint::method))
                .as("pattern routes (not endpoints)")
                .containsExactlyInAnyOrderElementsOf(PATTERN_ROUTE_METHODS);
        Set<String> documented = documentedOperations();
        Set<String> undocumented = new TreeSet<>(routes);
        undocumented.removeAll(documented);
        Set<String> withoutRoute = new TreeSet<>(documented);
        withoutRoute.removeAll(routes);
        assertThat(undocumented)
                .as("routes of the edge without an OpenAPI operation")
                .isEmpty();
        assertThat(withoutRoute).as("OpenAPI operations without a route").isEmpty();
        assertThat(routes)
                .as("a walk that found the routes")
                .contains("POST /api/auth/login", "GET /api/sessions/{id}");
    }

    @Test
    void everyDocumentedOperationIsAnsweredByARouteOfARunningEdge() {
        List<String> unanswered = new ArrayList<>();
        for (String operation : documentedOperations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation
                    .substring(operation.indexOf(' ') + 1)
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            Answer answer = call(method, path);
            if (isNoRoute(answer)) {
                unanswered.add(operation + " → " + answer);
            }
        }

        assertThat(unanswered).isEmpty();
    }

    @Test
    void theNoRouteCheckRecognisesTheRoutersOwnAnswers() {
        assertThat(isNoRoute(call("GET", "/api/no-such-route"))).isTrue();
        assertThat(isNoRoute(call("DELETE", "/api/conversations"))).isTrue();
        assertThat(isNoRoute(call("GET", "/api/users/" + UUID.randomUUID()))).isFalse();
    }

    @Test
    void theDocumentsAreServedToAnyoneWithTheirContentTypes() {
        ApiDocumentRoutes.SOURCES.forEach((name, resource) -> {
            ObjectNode expected = ContractBundle.bundle(resource, ApiContractIT.class.getClassLoader());

            Answer yaml = edge.get("/api/" + name + ".yaml");
            Answer json = edge.get("/api/" + name + ".json");

            assertThat(yaml.status()).as(name + ".yaml").isEqualTo(200);
            assertThat(yaml.contentType()).startsWith("application/yaml");
            assertThat(ContractBundle.parseYaml(yaml.body())).isEqualTo(expected);
            assertThat(json.status()).as(name + ".json").isEqualTo(200);
            assertThat(json.contentType()).isEqualTo("application/json");
            assertThat(ContractBundle.parseYaml(json.body())).isEqualTo(expected);
        });
    }

    @Test
    void realAnswersMatchTheirDocumentedSchemas() {
        JsonObject registered = edge.register(TestEdge.uniqueEmail("contract"), "correct horse battery", "Casey");
        String token = registered.getString("accessToken");
        String userId = registered.getJsonObject("user").getString("id");

        assertMatches("/api/auth/register", "post", "201", registered.encode());
        assertGetMatches("/api/auth/me", token);
        assertMatches("/api/users/{id}", "get", "200", edge.get("/api/users/" + userId, token));
        for (String listing : List.of(
                "/api/discover",
                "/api/conversations",
                "/api/sync",
                "/api/sessions",
                "/api/requests",
                "/api/announcements",
                "/api/manager-invitations",
                "/api/notifications/push/key",
                "/api/notifications/push/subscriptions")) {
            assertGetMatches(listing, token);
        }
        assertMatches(
                "/api/manager-invitations",
                "post",
                "403",
                TestHttp.post(
                        edge.uri("/api/manager-invitations"),
                        token,
                        new JsonObject().put("managerId", userId).encode()));
        assertMatches(
                "/api/auth/verify-email",
                "post",
                "200",
                edge.post(
                        "/api/auth/verify-email",
                        new JsonObject()
                                .put(
                                        "token",
                                        TestHttp.verificationToken(
                                                edge.edge(),
                                                registered.getJsonObject("user").getString("email")))));
        assertMatches(
                "/api/auth/verify-email",
                "post",
                "400",
                edge.post("/api/auth/verify-email", new JsonObject().put("token", "not-a-token")));
        assertMatches(
                "/api/auth/verification-email",
                "post",
                "409",
                TestHttp.post(edge.uri("/api/auth/verification-email"), token, "{}"));
        assertGetMatches("/api/admin/users", adminToken);
        assertGetMatches("/api/admin/audit", adminToken);
        // 503 until the replica has read a snapshot from admin.metrics (another test on the shared broker may write
        // one)
        Answer metrics = edge.get("/api/admin/metrics", adminToken);
        assertThat(metrics.status()).isIn(200, 503);
        assertMatches("/api/admin/metrics", "get", Integer.toString(metrics.status()), metrics);
        assertMatches(
                "/api/me/profile",
                "patch",
                "200",
                TestHttp.patch(
                        edge.uri("/api/me/profile"),
                        token,
                        new JsonObject()
                                .put("bio", "contracts")
                                .put("tags", new JsonArray().add("api"))
                                .encode()));
        assertGetMatches("/api/me/booking-terms", token);
        assertMatches(
                "/api/me/booking-terms",
                "put",
                "200",
                TestHttp.put(
                        edge.uri("/api/me/booking-terms"),
                        token,
                        new JsonObject()
                                .put("requestHoldMinutes", 120)
                                .put("donationsWelcome", true)
                                .encode()));
        UUID paid = ledgerOf(UUID.fromString(userId));
        assertGetMatches("/api/payments", token);
        assertGetMatches("/api/payments", adminToken);
        assertMatches("/api/payments/{id}", "get", "200", edge.get("/api/payments/" + paid, token));
        assertMatches("/api/payments/{id}", "get", "404", edge.get("/api/payments/" + UUID.randomUUID(), token));
        assertGetMatches("/api/payments/connect/status", token);
        assertGetMatches("/api/me/earnings", token);
        assertGetMatches("/api/me/earnings", adminToken);
        assertMatches(
                "/api/sessions/{id}/cancellation",
                "get",
                "404",
                edge.get("/api/sessions/" + UUID.randomUUID() + "/cancellation", token));
        assertMatches(
                "/api/admin/users/{id}",
                "patch",
                "200",
                TestHttp.patch(
                        edge.uri("/api/admin/users/" + userId),
                        adminToken,
                        new JsonObject()
                                .put("roles", new JsonArray().add("user").add("host"))
                                .encode()));
        assertMatches(
                "/api/admin/announcements",
                "post",
                "201",
                TestHttp.post(
                        edge.uri("/api/admin/announcements"),
                        adminToken,
                        new JsonObject().put("message", "contract test").encode()));
        assertMatches("/health/live", "get", "200", edge.get("/health/live"));
        Answer ready = edge.get("/health/ready");
        assertThat(ready.status()).isIn(200, 503);
        assertMatches("/health/ready", "get", Integer.toString(ready.status()), ready);
        assertMatches("/api/sessions/{id}", "get", "404", edge.get("/api/sessions/" + UUID.randomUUID(), token));
        assertMatches(
                "/api/payments/webhooks", "post", "400", TestHttp.post(edge.uri("/api/payments/webhooks"), null, "{}"));
        assertMatches("/api/auth/me", "get", "401", edge.get("/api/auth/me"));
        UUID reviewed = reviewOf(UUID.fromString(userId));
        assertMatches("/api/users/{id}", "get", "200", edge.get("/api/users/" + userId, token));
        assertMatches("/api/discover", "get", "200", edge.get("/api/discover?tag=api", token));
        assertMatches("/api/hosts/{id}/reviews", "get", "200", edge.get("/api/hosts/" + userId + "/reviews", token));
        assertMatches(
                "/api/sessions/{id}/review",
                "get",
                "404",
                edge.get("/api/sessions/" + UUID.randomUUID() + "/review", token));
        assertMatches(
                "/api/admin/reviews/{sessionId}/hide",
                "post",
                "200",
                TestHttp.post(
                        edge.uri("/api/admin/reviews/" + reviewed + "/hide"),
                        adminToken,
                        new JsonObject().put("reason", "contract test").encode()));
        assertMatches(
                "/api/admin/reviews/{sessionId}/hide",
                "post",
                "404",
                TestHttp.post(
                        edge.uri("/api/admin/reviews/" + UUID.randomUUID() + "/hide"),
                        adminToken,
                        new JsonObject().put("reason", "contract test").encode()));
        assertMatches("/api/admin/users", "get", "403", edge.get("/api/admin/users", token));
        assertMatches("/api/users/{id}", "get", "404", edge.get("/api/users/" + UUID.randomUUID(), token));
        assertMatches("/api/auth/login", "post", "400", edge.post("/api/auth/login", new JsonObject().put("email", 3)));
    }

    /**
     * What the payments worker would have written for {@code host} (no worker runs here): a connected account Stripe
     * still needs things of, a tip from the admin that succeeded and was half refunded, and a pending one the other
     * way; the id of the first.
     */
    private static UUID ledgerOf(UUID host) {
        UUID received = UUID.randomUUID();
        try (Connection c = edge.jdbc();
                PreparedStatement account = c.prepareStatement(
                        "insert into payment_accounts (host_user_id,"
                                + " stripe_account_id, requirements_due) values (?, ?, '{external_account,individual.dob.day}')");
                PreparedStatement payment = c.prepareStatement("insert into payments (payment_id, kind, payer_user_id,"
                        + " payee_user_id, amount_cents, currency, fee_cents, refunded_cents, status, stripe_client_secret,"
                        + " succeeded_at) values (?, 'donation', ?, ?, 1000, 'usd', 100, ?, ?, ?, ?)")) {
            account.setObject(1, host);
            account.setString(2, "acct_contract_" + host);
            account.executeUpdate();
            payment.setObject(1, received);
            payment.setObject(2, adminId);
            payment.setObject(3, host);
            payment.setLong(4, 500);
            payment.setString(5, "succeeded");
            payment.setString(6, "pi_contract_secret_paid");
            payment.setObject(7, OffsetDateTime.now());
            payment.executeUpdate();
            payment.setObject(1, UUID.randomUUID());
            payment.setObject(2, host);
            payment.setObject(3, adminId);
            payment.setLong(4, 0);
            payment.setString(5, "pending");
            payment.setString(6, "pi_contract_secret_pending");
            payment.setObject(7, null);
            payment.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return received;
    }

    /** What the projector would have written for a review of {@code host} by the admin, answered; its session id. */
    private static UUID reviewOf(UUID host) {
        UUID session = UUID.randomUUID();
        try (Connection c = edge.jdbc();
                PreparedStatement review = c.prepareStatement("insert into session_reviews (session_id, host_id,"
                        + " guest_id, rating, text, answer, answered_at, created_at) values (?, ?, ?, 5, 'Great',"
                        + " 'Thanks', now(), now())")) {
            review.setObject(1, session);
            review.setObject(2, host);
            review.setObject(3, adminId);
            review.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return session;
    }

    @Test
    void aWrongAnswerDoesNotMatchItsDocumentedSchema() {
        JsonObject notAProfile = new JsonObject().put("id", "not-a-uuid").put("displayName", 42);

        assertThat(violations("/api/users/{id}", "get", "200", "application/json", notAProfile.encode()))
                .isNotEmpty();
    }

    /** {@code /api/sessions/:id} → {@code /api/sessions/{id}}. */
    private static String template(String path) {
        return path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
    }

    private static Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        openApi.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    if (HTTP_METHODS.contains(operation.getKey())) {
                        operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        return operations;
    }

    private static Answer call(String method, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(edge.uri(path))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json");
        request.method(
                method,
                method.equals("GET") || method.equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        return edge.send(request);
    }

    /** The root router's own answer when no route matched the path (404) or none the method (405). */
    private static boolean isNoRoute(Answer answer) {
        if (answer.status() == 405) {
            return true;
        }
        if (answer.status() != 404 || !answer.contentType().startsWith("application/problem+json")) {
            return false;
        }
        JsonObject problem = answer.json();
        return problem.getString("type", "").endsWith("/not-found")
                && "no such resource".equals(problem.getString("detail"));
    }

    /** A GET of {@code path}, a route without path parameters, answers 200 with its documented schema. */
    private static void assertGetMatches(String path, String token) {
        assertMatches(path, "get", "200", edge.get(path, token));
    }

    private static void assertMatches(String path, String method, String status, Answer answer) {
        assertThat(answer.status()).as(method + " " + path + ": " + answer).isEqualTo(Integer.parseInt(status));
        String mediaType = answer.contentType().split(";")[0].trim();
        assertThat(violations(path, method, status, mediaType, answer.body()))
                .as(method + " " + path + " " + status + ": " + answer.body())
                .isEmpty();
    }

    private static void assertMatches(String path, String method, String status, String body) {
        assertThat(violations(path, method, status, "application/json", body))
                .as(method + " " + path + " " + status + ": " + body)
                .isEmpty();
    }

    /** What the documented schema of a response finds wrong with a body. */
    private static List<String> violations(String path, String method, String status, String mediaType, String body) {
        String pointer = "/paths/" + escape(path) + "/" + method + "/responses/" + status;
        JsonNode response = openApi.at(pointer);
        if (response.has("$ref")) {
            pointer = response.get("$ref").asText().substring(1);
            response = openApi.at(pointer);
        }
        assertThat(response.path("content").has(mediaType))
                .as("%s %s %s is documented with %s", method, path, status, mediaType)
                .isTrue();
        JsonSchema schema = SCHEMAS.getSchema(
                SchemaLocation.of(DOCUMENT_URI + "#" + pointer + "/content/" + escape(mediaType) + "/schema"),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        try {
            return schema.validate(Json.mapper().readTree(body)).stream()
                    .map(ValidationMessage::toString)
                    .toList();
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + body);
        }
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
