package com.humanchat.edge.attachments;

import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.http.JsonBody;
import com.humanchat.edge.http.ProblemResponses;
import com.humanchat.edge.http.RequestParams;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.UUID;

/**
 * {@code POST /api/attachments} (register an upload, get its signed URL), {@code POST /api/attachments/:id/complete}
 * (check what arrived), {@code GET /api/attachments/:id} (signed links, members only) and {@code PUT /api/me/avatar}.
 */
public final class AttachmentRoutes {

    private final AttachmentService attachments;

    public AttachmentRoutes(AttachmentService attachments) {
        this.attachments = attachments;
    }

    public void mount(Router api, BearerAuthHandler auth) {
        api.post("/attachments")
                .handler(auth)
                .handler(JsonBody.validated("create-upload"))
                .respond(ctx -> {
                    JsonObject body = JsonBody.of(ctx);
                    String conversation = body.getString("conversationId");
                    return attachments
                            .createUpload(
                                    AuthenticatedUser.of(ctx).id(),
                                    new AttachmentService.UploadRequest(
                                            body.getString("purpose", AttachmentService.MESSAGE),
                                            conversation == null ? null : UUID.fromString(conversation),
                                            body.getString("name"),
                                            body.getString("contentType"),
                                            body.getLong("sizeBytes")))
                            .onSuccess(created -> ctx.response()
                                    .setStatusCode(201)
                                    .putHeader("Location", "/api/attachments/" + created.getString("attachmentId")));
                })
                .failureHandler(ProblemResponses::handleFailure);
        api.post("/attachments/:id/complete")
                .handler(auth)
                .respond(ctx -> attachments.complete(AuthenticatedUser.of(ctx).id(), RequestParams.pathUuid(ctx, "id")))
                .failureHandler(ProblemResponses::handleFailure);
        api.get("/attachments/:id")
                .handler(auth)
                .respond(ctx -> attachments.link(AuthenticatedUser.of(ctx).id(), RequestParams.pathUuid(ctx, "id")))
                .failureHandler(ProblemResponses::handleFailure);
        api.put("/me/avatar")
                .handler(auth)
                .handler(JsonBody.validated("set-avatar"))
                .handler(ctx -> {
                    String id = JsonBody.of(ctx).getString("attachmentId");
                    attachments
                            .setAvatar(AuthenticatedUser.of(ctx).id(), id == null ? null : UUID.fromString(id))
                            .onSuccess(v -> ctx.response().setStatusCode(204).end())
                            .onFailure(ctx::fail);
                })
                .failureHandler(ProblemResponses::handleFailure);
    }
}
