package com.humanchat.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void connectsOnlyToThePagesOwnOriginAndTheConfiguredOnes() {
        SecurityHeaders headers =
                new SecurityHeaders(List.of("https://app.example.com", "http://localhost:5173"), List.of());

        assertThat(headers.contentSecurityPolicy("chat.example.com"))
                .contains(
                        "connect-src 'self' https://api.stripe.com ws://chat.example.com wss://chat.example.com https://app.example.com"
                                + " wss://app.example.com http://localhost:5173 ws://localhost:5173;")
                .doesNotContain(" ws: ")
                .doesNotContain(" wss:;");
    }

    @Test
    void namesThePagesOwnOriginOverHttp1AndHttp2() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            router.route().handler(new SecurityHeaders(List.of(), List.of()));
            router.route().handler(ctx -> ctx.response().end("ok"));
            HttpServer server =
                    vertx.createHttpServer().requestHandler(router).listen(0).await(10, TimeUnit.SECONDS);
            String host = "127.0.0.1:" + server.actualPort();
            for (HttpClient.Version version : HttpClient.Version.values()) {
                HttpResponse<String> answer = HttpClient.newBuilder()
                        .version(version)
                        .build()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://" + host + "/"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(answer.headers().firstValue("Content-Security-Policy"))
                        .as(version.name())
                        .hasValueSatisfying(csp -> assertThat(csp)
                                .contains("connect-src 'self' https://api.stripe.com ws://" + host + " wss://" + host
                                        + ";"));
            }
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void leavesOutAHostThatIsNotAPlainAuthority() {
        SecurityHeaders headers = new SecurityHeaders(List.of(), List.of());

        assertThat(headers.contentSecurityPolicy("evil.example.com; connect-src *"))
                .contains("connect-src 'self' https://api.stripe.com;")
                .doesNotContain("evil");
        assertThat(headers.contentSecurityPolicy(null)).contains("connect-src 'self' https://api.stripe.com;");
    }

    @Test
    void runsOnlyTheClientsOwnInlineScriptsByHashAndStripeJs() {
        SecurityHeaders headers = new SecurityHeaders(List.of(), List.of("'sha256-AAAA'", "'sha256-BBBB'"));

        assertThat(headers.contentSecurityPolicy("chat.example.com"))
                .contains("script-src 'self' https://js.stripe.com 'sha256-AAAA' 'sha256-BBBB';")
                .contains("frame-src https://js.stripe.com https://hooks.stripe.com;")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
    }

    @Test
    void loadsImagesFromThePageOfflineBlobsAndTheAttachmentStoreAndUploadsThere() {
        SecurityHeaders disk = new SecurityHeaders(List.of(), List.of());
        SecurityHeaders s3 = new SecurityHeaders(List.of(), List.of(), "https://files.s3.eu-west-1.amazonaws.com");

        assertThat(disk.contentSecurityPolicy("chat.example.com")).contains("img-src 'self' blob:;");
        assertThat(s3.contentSecurityPolicy("chat.example.com"))
                .contains("img-src 'self' blob: https://files.s3.eu-west-1.amazonaws.com;")
                .contains("connect-src 'self' https://api.stripe.com https://files.s3.eu-west-1.amazonaws.com ");
    }
}
