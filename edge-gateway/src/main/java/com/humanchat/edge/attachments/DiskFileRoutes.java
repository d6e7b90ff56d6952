package com.humanchat.edge.attachments;

import com.humanchat.edge.http.ProblemResponses;
import com.humanchat.edge.http.ProblemType;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The disk store's signed URLs, served by the edge as S3 would serve its own: {@code PUT /files/<key>} takes an upload
 * (streamed to a partial file, refused with 413 past the signed limit, moved into place once complete) and
 * {@code GET /files/<key>} answers the file with the signed content type and disposition. Any URL whose signature
 * does not hold or that expired is 403. Mounted outside {@code /api}: the API's body limit is not an upload's.
 */
public final class DiskFileRoutes {

    private final Vertx vertx;
    private final DiskObjectStore store;

    public DiskFileRoutes(Vertx vertx, DiskObjectStore store) {
        this.vertx = vertx;
        this.store = store;
    }

    public void mount(Router root) {
        root.put(SignedFileUrls.PREFIX + ":key").handler(this::upload).failureHandler(ProblemResponses::handleFailure);
        root.get(SignedFileUrls.PREFIX + ":key")
                .handler(this::download)
                .failureHandler(ProblemResponses::handleFailure);
    }

    private Map<String, String> verified(RoutingContext ctx, String op) {
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParams().forEach(query::put);
        return store.urls()
                .verify(op, ctx.pathParam("key"), query)
                .orElseThrow(
                        () -> ProblemType.FORBIDDEN.with("this link is not valid or has expired; ask for a new one"));
    }

    private void upload(RoutingContext ctx) {
        Map<String, String> params = verified(ctx, "put");
        String key = ctx.pathParam("key");
        long max = Long.parseLong(params.get("max"));
        HttpServerRequest request = ctx.request();
        // Held until the file is open: nothing the client sends meanwhile is lost.
        request.pause();
        Path partial = store.root().resolve("partial-" + UUID.randomUUID() + ".tmp");
        vertx.fileSystem()
                .open(partial.toString(), new OpenOptions().setCreateNew(true).setWrite(true))
                .onFailure(ctx::fail)
                .onSuccess(file -> receive(ctx, request, file, partial, key, max));
    }

    private void receive(
            RoutingContext ctx, HttpServerRequest request, AsyncFile file, Path partial, String key, long max) {
        long[] received = {0};
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            received[0] += chunk.length();
            if (received[0] > max) {
                refused[0] = true;
                file.close().onComplete(closed -> vertx.fileSystem().delete(partial.toString()));
                ctx.fail(
                        ProblemType.TOO_LARGE.with("the file is larger than the " + max + " bytes this upload allows"));
                return;
            }
            file.write(chunk);
            if (file.writeQueueFull()) {
                request.pause();
                file.drainHandler(v -> request.resume());
            }
        });
        request.exceptionHandler(e -> {
            refused[0] = true;
            file.close().onComplete(closed -> vertx.fileSystem().delete(partial.toString()));
        });
        request.endHandler(end -> {
            if (refused[0]) {
                return;
            }
            file.close()
                    .compose(closed -> vertx.executeBlocking(() -> {
                        store.install(partial, key);
                        return null;
                    }))
                    .onSuccess(done -> ctx.response().setStatusCode(200).end())
                    .onFailure(ctx::fail);
        });
        request.resume();
    }

    private void download(RoutingContext ctx) {
        Map<String, String> params = verified(ctx, "get");
        String key = ctx.pathParam("key");
        boolean inline = "1".equals(params.get("inline"));
        ctx.response()
                .putHeader("Content-Type", params.get("type"))
                .putHeader("Content-Disposition", ContentDisposition.of(params.get("name"), inline))
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Content-Security-Policy", "default-src 'none'; sandbox")
                .putHeader("Cache-Control", "private, max-age=300, immutable");
        ctx.response().sendFile(store.file(key).toString()).onFailure(e -> {
            if (!ctx.response().headWritten()) {
                ctx.response().headers().remove("Content-Disposition");
                ctx.fail(ProblemType.NOT_FOUND.with("there is no such file"));
            }
        });
    }
}
