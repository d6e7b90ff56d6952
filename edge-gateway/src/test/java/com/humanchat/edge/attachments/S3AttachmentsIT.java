package com.humanchat.edge.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.Edge;
import com.humanchat.edge.TestHttp;
import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.PlatformHarness;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import com.humanchat.edge.config.AttachmentConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production path: attachments in S3 through the AWS SDK v2, against a real S3-compatible server (S3Mock, its own
 * process). The client's bytes go straight to the store with pre-signed URLs; the store itself refuses a size other
 * than the one signed.
 */
class S3AttachmentsIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path workDir;

    private static S3Server s3;
    private static S3ObjectStore store;
    private static Edge edge;

    @BeforeAll
    static void startS3AndAnEdgeThatUsesIt() throws Exception {
        s3 = S3Server.start(workDir);
        Map<String, String> s3Settings = Map.of(
                "HUMANCHAT_S3_BUCKET", S3Server.BUCKET,
                "HUMANCHAT_S3_ENDPOINT", s3.endpoint().toString(),
                "HUMANCHAT_S3_ACCESS_KEY_ID", "test-access-key",
                "HUMANCHAT_S3_SECRET_ACCESS_KEY", "test-secret-key",
                "HUMANCHAT_S3_PATH_STYLE", "true");
        store = new S3ObjectStore(new AttachmentConfig.S3(
                S3Server.BUCKET, s3.endpoint(), "us-east-1", "test-access-key", "test-secret-key", true));
        edge = PLATFORM.startExtraEdge("edge-s3", s3Settings);
    }

    @AfterAll
    static void stop() throws Exception {
        if (edge != null) {
            edge.closeAndWait(30);
        }
        if (store != null) {
            store.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void aPresignedPutStoresTheBytesAndAPresignedGetAnswersThemWithTheSignedHeaders() throws Exception {
        String key = UUID.randomUUID().toString();
        byte[] pdf = AttachmentApiIT.PDF;

        ObjectStore.Upload upload = store.signUpload(key, "application/pdf", pdf.length, Duration.ofMinutes(1));
        HttpResponse<String> put = put(upload, pdf);
        HttpResponse<byte[]> get =
                get(store.signDownload(key, "application/pdf", "report.pdf", false, Duration.ofMinutes(1)));

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(store.size(key)).hasValue(pdf.length);
        assertThat(store.read(key)).isEqualTo(pdf);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(pdf);
        assertThat(get.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(get.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
        assertThat(store.size(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void moreBytesThanAnnouncedAreRefusedOnCompletionAndRemovedFromTheBucket() throws Exception {
        TestUser alice = PLATFORM.register("s3-over");
        TestUser bob = PLATFORM.register("s3-over-partner");
        UUID conversation = PLATFORM.directConversation(alice, bob);
        Answer created = TestHttp.post(
                TestHttp.uri(edge, "/api/attachments"),
                alice.token(),
                AttachmentApiIT.request(conversation, "small.pdf", "application/pdf", 10)
                        .encode());
        JsonObject upload = created.json().getJsonObject("upload");
        String id = created.json().getString("attachmentId");
        // S3 itself refuses a body other than the signed Content-Length; S3Mock checks no signature, so this shows the
        // edge's own check, which holds whatever the store lets through.
        put(
                new ObjectStore.Upload("PUT", upload.getString("url"), Map.of("Content-Type", "application/pdf")),
                new byte[20]);

        Answer completed =
                TestHttp.post(TestHttp.uri(edge, "/api/attachments/" + id + "/complete"), alice.token(), "{}");

        assertThat(completed.status()).isEqualTo(413);
        assertThat(completed.json().getString("detail"))
                .isEqualTo("the file is larger than announced; the largest file you can send is 26.2 MB");
        assertThat(store.size(id)).as("removed from the bucket").isEmpty();
    }

    @Test
    void anImageSentThroughAnEdgeOnS3ReachesTheOtherMemberButNoNonMember() throws Exception {
        TestUser alice = PLATFORM.register("s3-alice");
        TestUser bob = PLATFORM.register("s3-bob");
        TestUser mallory = PLATFORM.register("s3-mallory");
        UUID conversation = PLATFORM.directConversation(alice, bob);
        byte[] png = AttachmentApiIT.png(640, 480);

        Answer created = TestHttp.post(
                TestHttp.uri(edge, "/api/attachments"),
                alice.token(),
                AttachmentApiIT.request(conversation, "photo.png", "image/png", png.length)
                        .encode());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonObject upload = created.json().getJsonObject("upload");
        assertThat(upload.getString("url")).startsWith(s3.endpoint() + "/" + S3Server.BUCKET + "/");
        assertThat(put(
                                new ObjectStore.Upload(
                                        upload.getString("method"),
                                        upload.getString("url"),
                                        Map.of("Content-Type", "image/png")),
                                png)
                        .statusCode())
                .isEqualTo(200);
        String id = created.json().getString("attachmentId");
        Answer completed =
                TestHttp.post(TestHttp.uri(edge, "/api/attachments/" + id + "/complete"), alice.token(), "{}");
        Answer sent = TestHttp.post(
                TestHttp.uri(edge, "/api/conversations/" + conversation + "/messages"),
                alice.token(),
                new JsonObject()
                        .put("clientMessageId", "s3-" + UUID.randomUUID())
                        .put("content", "from the beach")
                        .put("attachmentIds", new JsonArray().add(id))
                        .encode());
        Answer link = TestHttp.get(TestHttp.uri(edge, "/api/attachments/" + id), bob.token());
        Answer refused = TestHttp.get(TestHttp.uri(edge, "/api/attachments/" + id), mallory.token());

        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        assertThat(completed.json().getInteger("width")).isEqualTo(640);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(link.status()).isEqualTo(200);
        HttpResponse<byte[]> image = get(link.json().getString("url"));
        assertThat(image.body()).isEqualTo(png);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(get(link.json().getString("thumbnailUrl")).headers().firstValue("Content-Type"))
                .hasValue("image/jpeg");
        assertThat(refused.status()).isEqualTo(404);
    }

    private static HttpResponse<String> put(ObjectStore.Upload upload, byte[] bytes) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upload.url()))
                .timeout(Duration.ofSeconds(30))
                .method(upload.method(), HttpRequest.BodyPublishers.ofByteArray(bytes));
        upload.headers().forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
