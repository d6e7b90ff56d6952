package com.humanchat.edge.attachments;

import com.humanchat.edge.chat.ChatJson;
import com.humanchat.edge.chat.Membership;
import com.humanchat.edge.chat.MessageAttachments;
import com.humanchat.edge.config.AttachmentConfig;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemType;
import com.humanchat.edge.http.Rejections;
import com.humanchat.readmodels.Rows;
import com.humanchat.schemas.chat.Attachment;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Uploads, checks and signed links of attachments. An upload is registered first (limits and membership checked:
 * 413, 415, 404), the client puts the bytes to the store through a signed URL, then asks to complete it: the edge reads
 * back what arrived (size again; an image must decode, and gets its pixel size and a thumbnail). Only a member of the
 * attachment's conversation gets a download link (anyone else: the same 404 as for an id that does not exist); an
 * avatar's link is for any signed-in user.
 */
public final class AttachmentService implements MessageAttachments, AutoCloseable {

    /** Either upload's purpose. */
    public static final String MESSAGE = "message";

    public static final String AVATAR = "avatar";

    private static final String COLUMNS =
            "id, owner_id, conversation_id, purpose, name, content_type, size_bytes, width, height, thumbnail, ready_at";
    private static final int WORKERS = 4;

    private final Pool pg;
    private final Membership membership;
    private final AttachmentConfig config;
    private final ObjectStore store;
    private final WorkerExecutor workers;
    private final Clock clock;

    /** {@code store} null = attachments are off: every call fails with 503. */
    public AttachmentService(
            Pool pg, Membership membership, AttachmentConfig config, ObjectStore store, Clock clock, Vertx vertx) {
        this.pg = pg;
        this.membership = membership;
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.workers = vertx.createSharedWorkerExecutor("humanchat-attachments", WORKERS);
    }

    /** One attachment row. */
    record Stored(
            UUID id,
            UUID ownerId,
            UUID conversationId,
            String purpose,
            String name,
            String contentType,
            long sizeBytes,
            Integer width,
            Integer height,
            boolean thumbnail,
            boolean ready) {

        static Stored of(Row row) {
            return new Stored(
                    row.getUUID("id"),
                    row.getUUID("owner_id"),
                    row.getUUID("conversation_id"),
                    row.getString("purpose"),
                    row.getString("name"),
                    row.getString("content_type"),
                    row.getLong("size_bytes"),
                    row.getInteger("width"),
                    row.getInteger("height"),
                    row.getBoolean("thumbnail"),
                    row.getOffsetDateTime("ready_at") != null);
        }

        Attachment attachment() {
            return new Attachment(id, name, contentType, sizeBytes, width, height, thumbnail);
        }

        String key() {
            return id.toString();
        }

        String thumbnailKey() {
            return id + ".thumbnail";
        }
    }

    /** What the client asks to upload. */
    public record UploadRequest(String purpose, UUID conversationId, String name, String contentType, long sizeBytes) {}

    /** Registers an upload and signs its URL: {@code {attachmentId, upload: {method, url, headers}, expiresAt}}. */
    public Future<JsonObject> createUpload(UUID caller, UploadRequest request) {
        if (store == null) {
            return off();
        }
        String type = mediaType(request.contentType());
        if (request.sizeBytes() > config.maxBytes()) {
            return Future.failedFuture(ProblemType.TOO_LARGE.with("the file is " + megabytes(request.sizeBytes())
                    + "; the largest file you can send is " + megabytes(config.maxBytes())));
        }
        boolean avatar = AVATAR.equals(request.purpose());
        if (avatar
                ? !ImageInspector.IMAGE_TYPES.contains(type)
                        || !config.allowedTypes().contains(type)
                : !config.allowedTypes().contains(type) || AttachmentConfig.ACTIVE_TYPES.contains(type)) {
            return Future.failedFuture(ProblemType.UNSUPPORTED_MEDIA_TYPE.with((avatar
                            ? "a profile picture must be a JPEG, PNG or GIF image"
                            : "files of type " + type + " cannot be sent")
                    + "; allowed: " + allowed(avatar)));
        }
        Future<Void> allowed = avatar ? Future.succeededFuture() : requireMember(request.conversationId(), caller);
        UUID id = UUID.randomUUID();
        Instant expires = clock.instant().plus(config.urlTtl());
        return allowed.compose(v -> pg.preparedQuery("insert into attachments"
                                + " (id, owner_id, conversation_id, purpose, name, content_type, size_bytes)"
                                + " values ($1, $2, $3, $4, $5, $6, $7)")
                        .execute(Tuple.of(
                                id,
                                caller,
                                avatar ? null : request.conversationId(),
                                avatar ? AVATAR : MESSAGE,
                                request.name(),
                                type,
                                request.sizeBytes())))
                .map(done -> {
                    ObjectStore.Upload upload =
                            store.signUpload(id.toString(), type, request.sizeBytes(), config.urlTtl());
                    return new JsonObject()
                            .put("attachmentId", id.toString())
                            .put(
                                    "upload",
                                    new JsonObject()
                                            .put("method", upload.method())
                                            .put("url", upload.url())
                                            .put("headers", new JsonObject(new LinkedHashMap<>(upload.headers()))))
                            .put("expiresAt", expires.toString());
                });
    }

    /** Checks what arrived for the caller's upload {@code id} and marks it ready: the attachment's JSON. */
    public Future<JsonObject> complete(UUID caller, UUID id) {
        if (store == null) {
            return off();
        }
        return find(id).compose(found -> found.filter(a -> a.ownerId().equals(caller))
                        .map(Future::succeededFuture)
                        .orElseGet(() -> Future.failedFuture(notFound())))
                .compose(stored -> stored.ready()
                        ? Future.succeededFuture(stored)
                        : blocking(() -> check(stored)).compose(this::markReady))
                .map(stored -> ChatJson.attachment(stored.attachment()));
    }

    /** Reads the upload back (off the event loop): its size and, for an image, that it decodes. */
    private Stored check(Stored stored) throws Exception {
        OptionalLong size = store.size(stored.key());
        if (size.isEmpty()) {
            throw ProblemType.CONFLICT.with(
                    "nothing was uploaded for this attachment yet; put the file to its URL first");
        }
        if (size.getAsLong() > stored.sizeBytes() || size.getAsLong() > config.maxBytes()) {
            store.delete(stored.key());
            throw ProblemType.TOO_LARGE.with("the file is larger than announced; the largest file you can send is "
                    + megabytes(config.maxBytes()));
        }
        if (size.getAsLong() == 0) {
            store.delete(stored.key());
            throw ProblemType.INVALID.with("the file is empty");
        }
        if (!ImageInspector.IMAGE_TYPES.contains(stored.contentType())) {
            return withSize(stored, size.getAsLong(), null, null, false);
        }
        Optional<ImageInspector.Inspected> image =
                ImageInspector.inspect(store.read(stored.key()), stored.contentType());
        if (image.isEmpty()) {
            store.delete(stored.key());
            throw ProblemType.UNSUPPORTED_MEDIA_TYPE.with(
                    "the file is not a readable " + stored.contentType() + " image");
        }
        store.write(stored.thumbnailKey(), image.get().thumbnailJpeg(), "image/jpeg");
        return withSize(
                stored, size.getAsLong(), image.get().width(), image.get().height(), true);
    }

    private static Stored withSize(Stored s, long size, Integer width, Integer height, boolean thumbnail) {
        return new Stored(
                s.id(),
                s.ownerId(),
                s.conversationId(),
                s.purpose(),
                s.name(),
                s.contentType(),
                size,
                width,
                height,
                thumbnail,
                true);
    }

    private Future<Stored> markReady(Stored stored) {
        return pg.preparedQuery("update attachments set size_bytes = $2, width = $3, height = $4, thumbnail = $5,"
                        + " ready_at = coalesce(ready_at, now()) where id = $1")
                .execute(Tuple.of(stored.id(), stored.sizeBytes(), stored.width(), stored.height(), stored.thumbnail()))
                .map(stored);
    }

    /**
     * Signed links to a ready attachment: {@code {attachment, url, thumbnailUrl?, expiresAt}}. Anyone who may not see
     * it gets the 404 of an id that does not exist.
     */
    public Future<JsonObject> link(UUID caller, UUID id) {
        if (store == null) {
            return off();
        }
        return find(id).compose(found -> {
            if (found.isEmpty() || !found.get().ready()) {
                return Future.failedFuture(notFound());
            }
            Stored stored = found.get();
            Future<Boolean> visible = AVATAR.equals(stored.purpose())
                    ? Future.succeededFuture(true)
                    : membership.of(stored.conversationId(), caller).map(s -> s == Membership.Status.MEMBER);
            return visible.compose(
                    yes -> yes ? Future.succeededFuture(links(stored)) : Future.failedFuture(notFound()));
        });
    }

    private JsonObject links(Stored stored) {
        boolean image = stored.width() != null;
        JsonObject answer = new JsonObject()
                .put("attachment", ChatJson.attachment(stored.attachment()))
                .put(
                        "url",
                        store.signDownload(stored.key(), stored.contentType(), stored.name(), image, config.urlTtl()))
                .put("expiresAt", clock.instant().plus(config.urlTtl()).toString());
        if (stored.thumbnail()) {
            answer.put(
                    "thumbnailUrl",
                    store.signDownload(stored.thumbnailKey(), "image/jpeg", stored.name(), true, config.urlTtl()));
        }
        return answer;
    }

    /**
     * The attachments a message of {@code caller} in {@code conversationId} may carry: their own ready uploads to that
     * conversation, in the order asked; any other id is a 400 naming it.
     */
    @Override
    public Future<List<Attachment>> forMessage(UUID caller, UUID conversationId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        if (store == null) {
            return off();
        }
        return pg.preparedQuery("select " + COLUMNS + " from attachments where id = any($1) and owner_id = $2"
                        + " and conversation_id = $3 and purpose = 'message' and ready_at is not null")
                .execute(Tuple.of(ids.toArray(UUID[]::new), caller, conversationId))
                .compose(rows -> {
                    List<Stored> usable = Rows.all(rows, Stored::of);
                    List<Attachment> ordered = new ArrayList<>();
                    for (UUID id : ids) {
                        Optional<Stored> match =
                                usable.stream().filter(s -> s.id().equals(id)).findFirst();
                        if (match.isEmpty()) {
                            return Future.failedFuture(ProblemType.INVALID.with(
                                    "attachment " + id + " is not a completed upload of yours to this conversation"));
                        }
                        ordered.add(match.get().attachment());
                    }
                    return Future.succeededFuture(ordered);
                });
    }

    /** Makes the caller's ready avatar upload their profile picture ({@code null} removes it). */
    public Future<Void> setAvatar(UUID caller, UUID attachmentId) {
        if (attachmentId == null) {
            return pg.preparedQuery("update users set avatar_attachment_id = null, updated_at = now() where id = $1")
                    .execute(Tuple.of(caller))
                    .mapEmpty();
        }
        return pg.preparedQuery("update users set avatar_attachment_id = $2, updated_at = now() where id = $1"
                        + " and exists (select 1 from attachments a where a.id = $2 and a.owner_id = $1"
                        + " and a.purpose = 'avatar' and a.ready_at is not null)")
                .execute(Tuple.of(caller, attachmentId))
                .compose(rows -> rows.rowCount() == 1
                        ? Future.succeededFuture()
                        : Future.failedFuture(ProblemType.INVALID.with(
                                "attachment " + attachmentId + " is not a completed profile picture upload of yours")));
    }

    private Future<Optional<Stored>> find(UUID id) {
        return pg.preparedQuery("select " + COLUMNS + " from attachments where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, Stored::of));
    }

    private Future<Void> requireMember(UUID conversationId, UUID caller) {
        if (conversationId == null) {
            return Future.failedFuture(ProblemType.INVALID.with("a message attachment needs its conversationId"));
        }
        return membership
                .of(conversationId, caller)
                .compose(status -> status == Membership.Status.MEMBER
                        ? Future.succeededFuture()
                        : Future.failedFuture(Rejections.unknownConversation()));
    }

    private <T> Future<T> blocking(Callable<T> job) {
        return workers.executeBlocking(job, false);
    }

    private String allowed(boolean avatar) {
        return config.allowedTypes().stream()
                .filter(t -> !avatar || ImageInspector.IMAGE_TYPES.contains(t))
                .sorted()
                .collect(Collectors.joining(", "));
    }

    private static ProblemException notFound() {
        return ProblemType.NOT_FOUND.with("no such attachment");
    }

    private static <T> Future<T> off() {
        return Future.failedFuture(ProblemException.unavailable("attachments are not configured on this server", 60));
    }

    /** {@code image/PNG; charset=x} → {@code image/png}. */
    static String mediaType(String contentType) {
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    @Override
    public void close() {
        workers.close();
        if (store instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing the S3 client releases nothing that outlives the process
            }
        }
    }
}
