package com.humanchat.edge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The packaged web client (module {@code web} on the classpath) served over real HTTP by {@link WebClientRoutes}. */
class WebClientRoutesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Vertx vertx;
    private static String base;

    @BeforeAll
    static void serve() throws Exception {
        vertx = Vertx.vertx();
        Router root = Router.router(vertx);
        root.get("/api/ping").handler(ctx -> ctx.end("pong"));
        new WebClientRoutes().mount(root);
        HttpServer server =
                vertx.createHttpServer().requestHandler(root).listen(0).await();
        base = "http://127.0.0.1:" + server.actualPort();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @Test
    void servesTheAppsIndexAtTheRootRevalidatedOnEveryUse() throws Exception {
        HttpResponse<String> index = get("/");

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(index.headers().firstValue("Cache-Control")).hasValue(WebClientRoutes.REVALIDATE);
        assertThat(index.body()).contains("HumanChat").contains(WebClientRoutes.HASHED_FILES);
    }

    @Test
    void servesTheHashedScriptTheIndexNamesAsImmutable() throws Exception {
        Matcher script = Pattern.compile("src=\"(/_next/static/[^\"]+\\.js)\"").matcher(get("/").body());
        assertThat(script.find()).as("index.html names its script").isTrue();

        HttpResponse<String> asset = get(script.group(1));

        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        assertThat(asset.headers().firstValue("Cache-Control")).hasValue(WebClientRoutes.IMMUTABLE);
        assertThat(asset.body()).isNotBlank();
    }

    @Test
    void answersPageNavigationsToAppRoutesWithTheIndexSoDeepLinksReload() throws Exception {
        HttpResponse<String> deepLink = get("/c/3f1c2a9e-0000-4000-8000-000000000001", "text/html,*/*;q=0.8");

        assertThat(deepLink.statusCode()).isEqualTo(200);
        assertThat(deepLink.headers().firstValue("Cache-Control")).hasValue(WebClientRoutes.REVALIDATE);
        assertThat(deepLink.body()).isEqualTo(get("/").body());
    }

    @Test
    void leavesUnknownPathsToTheNotFoundAnswerForClientsThatAreNotNavigating() throws Exception {
        assertThat(get("/c/3f1c2a9e-0000-4000-8000-000000000001").statusCode()).isEqualTo(404);
        assertThat(get("/nothing-here", "application/json").statusCode()).isEqualTo(404);
    }

    @Test
    void servesTheServiceWorkerWithoutLongCaching() throws Exception {
        HttpResponse<String> worker = get("/sw.js");

        assertThat(worker.statusCode()).isEqualTo(200);
        assertThat(worker.headers().firstValue("Cache-Control")).hasValue(WebClientRoutes.REVALIDATE);
    }

    @Test
    void leavesMissingFilesAndServerPathsAlone() throws Exception {
        assertThat(get("/_next/static/chunks/missing-0000.js").statusCode()).isEqualTo(404);
        assertThat(get("/api/unknown").statusCode()).isEqualTo(404);
        assertThat(get("/health/nothing", "text/html").statusCode()).isEqualTo(404);
        assertThat(get("/api/unknown", "text/html").statusCode()).isEqualTo(404);
        assertThat(get("/api/ping").body()).isEqualTo("pong");
    }

    @Test
    void allowsEachInlineScriptOfThePageByItsSha256() throws Exception {
        String page = get("/").body();
        long scripts = Pattern.compile("<script").matcher(page).results().count();
        long external =
                Pattern.compile("<script[^>]*\\ssrc=").matcher(page).results().count();

        assertThat(new WebClientRoutes().inlineScriptHashes())
                .as("Next's bootstrap is inline")
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo((int) (scripts - external))
                .allSatisfy(source -> assertThat(source).matches("'sha256-[A-Za-z0-9+/]{43}='"));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return get(path, "*/*");
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", accept)
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
