package com.humanchat.edge.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A resource's sub-router answers its failures as problem+json and, when signed-in only, refuses strangers first. */
class ResourceRouterTest {

    /** Lets a call through when it carries any Authorization header. */
    private static final Handler<RoutingContext> AUTH = ctx -> {
        if (ctx.request().getHeader("Authorization") == null) {
            ctx.fail(ProblemException.unauthorized("a bearer token is required"));
        } else {
            ctx.next();
        }
    };

    private Vertx vertx;
    private int port;

    @BeforeEach
    void serve() throws Exception {
        vertx = Vertx.vertx();
        Router signedIn = ResourceRouter.signedIn(vertx, AUTH);
        signedIn.get("/").respond(ctx -> Future.succeededFuture(new JsonObject().put("items", 0)));
        signedIn.get("/:id").respond(ctx -> Future.failedFuture(ProblemException.notFound("no such thing")));
        Router open = ResourceRouter.open(vertx);
        open.get("/").respond(ctx -> Future.succeededFuture(new JsonObject().put("open", true)));
        Router root = Router.router(vertx);
        root.route("/things*").subRouter(signedIn);
        root.route("/public*").subRouter(open);
        HttpServer server =
                vertx.createHttpServer().requestHandler(root).listen(0).await(10, TimeUnit.SECONDS);
        port = server.actualPort();
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void aStrangerIsRefusedBeforeAnyRouteIsMatched() throws Exception {
        HttpResponse<String> listed = call("GET", "/things", null);
        HttpResponse<String> unknownMethod = call("DELETE", "/things", null);

        assertThat(listed.statusCode()).isEqualTo(401);
        assertThat(unknownMethod.statusCode()).isEqualTo(401);
        assertThat(unknownMethod.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aSignedInCallerReachesTheRoutesAndTheirFailuresAreProblems() throws Exception {
        HttpResponse<String> listed = call("GET", "/things", "Bearer t");
        HttpResponse<String> missing = call("GET", "/things/42", "Bearer t");

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(listed.body()).getInteger("items")).isZero();
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new JsonObject(missing.body()).getString("detail")).isEqualTo("no such thing");
    }

    @Test
    void anOpenResourceAsksNoToken() throws Exception {
        HttpResponse<String> answer = call("GET", "/public", null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(answer.body()).getBoolean("open")).isTrue();
    }

    private HttpResponse<String> call(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
