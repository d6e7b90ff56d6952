package com.humanchat.edge.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.PlatformHarness;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import com.humanchat.edge.chat.TestSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attachments over real HTTP against the disk store: upload through the signed URL, completion (an image's size and
 * thumbnail), a message carrying them, members-only links, and the 413/415 refusals in plain words.
 */
class AttachmentApiIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private static TestUser alice;
    private static TestUser bob;
    private static TestUser mallory;
    private static UUID conversation;

    @BeforeAll
    static void conversationOfAliceAndBob() {
        alice = PLATFORM.register("alice");
        bob = PLATFORM.register("bob");
        mallory = PLATFORM.register("mallory");
        conversation = PLATFORM.directConversation(alice, bob);
    }

    @Test
    void anImageAndAPdfReachTheOtherMemberWithSizeThumbnailAndSafeHeaders() throws Exception {
        byte[] png = png(1200, 800);
        JsonObject image = upload(alice, conversation, "beach.png", "image/png", png);
        JsonObject pdf = upload(alice, conversation, "invoice.pdf", "application/pdf", PDF);

        assertThat(image.getInteger("width")).isEqualTo(1200);
        assertThat(image.getInteger("height")).isEqualTo(800);
        assertThat(image.getBoolean("thumbnail")).isTrue();
        assertThat(pdf.containsKey("width")).isFalse();
        assertThat(pdf.getBoolean("thumbnail")).isFalse();

        Answer sent = PLATFORM.post(
                "/api/conversations/" + conversation + "/messages",
                alice.token(),
                new JsonObject()
                        .put("clientMessageId", "with-files-" + UUID.randomUUID())
                        .put("content", "")
                        .put(
                                "attachmentIds",
                                new JsonArray()
                                        .add(image.getString("attachmentId"))
                                        .add(pdf.getString("attachmentId"))));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().getJsonArray("attachments")).containsExactly(image, pdf);

        long seq = sent.json().getLong("seq");
        JsonObject stored = projected(seq);
        assertThat(stored.getJsonArray("attachments")).as("as projected").containsExactly(image, pdf);

        JsonObject imageLink = link(bob, image.getString("attachmentId"));
        HttpResponse<byte[]> imageBytes = fetch(imageLink.getString("url"));
        assertThat(imageBytes.statusCode()).isEqualTo(200);
        assertThat(imageBytes.body()).isEqualTo(png);
        assertThat(imageBytes.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(imageBytes.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("inline"));
        HttpResponse<byte[]> thumbnail = fetch(imageLink.getString("thumbnailUrl"));
        BufferedImage small = ImageIO.read(new java.io.ByteArrayInputStream(thumbnail.body()));
        assertThat(Math.max(small.getWidth(), small.getHeight())).isEqualTo(ImageInspector.THUMBNAIL_EDGE);

        HttpResponse<byte[]> pdfBytes =
                fetch(link(bob, pdf.getString("attachmentId")).getString("url"));
        assertThat(pdfBytes.body()).isEqualTo(PDF);
        assertThat(pdfBytes.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdfBytes.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"invoice.pdf\"; filename*=UTF-8''invoice.pdf");
        assertThat(pdfBytes.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void aReplyWithAnImageCarriesBothAndReadsBackWithTheQuote() throws Exception {
        Answer asked = PLATFORM.post(
                "/api/conversations/" + conversation + "/messages",
                bob.token(),
                new JsonObject()
                        .put("clientMessageId", "question-" + UUID.randomUUID())
                        .put("content", "which beach?"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        long question = asked.json().getLong("seq");
        JsonObject image = upload(alice, conversation, "beach.png", "image/png", png(640, 480));

        Answer sent = PLATFORM.post(
                "/api/conversations/" + conversation + "/messages",
                alice.token(),
                new JsonObject()
                        .put("clientMessageId", "reply-" + UUID.randomUUID())
                        .put("content", "this one")
                        .put("replyToSeq", question)
                        .put("attachmentIds", new JsonArray().add(image.getString("attachmentId"))));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().getLong("replyToSeq")).isEqualTo(question);
        assertThat(sent.json().getJsonArray("attachments")).containsExactly(image);

        long seq = sent.json().getLong("seq");
        JsonObject stored = projected(seq);
        assertThat(stored.getJsonArray("attachments")).as("as projected").containsExactly(image);
        assertThat(stored.getLong("replyToSeq")).isEqualTo(question);
        assertThat(stored.getJsonObject("replyTo").getString("content")).isEqualTo("which beach?");
    }

    @Test
    void aNonMemberCannotUploadToFetchOrCompleteAnotherConversationsAttachment() throws Exception {
        JsonObject pdf = upload(alice, conversation, "private.pdf", "application/pdf", PDF);
        String id = pdf.getString("attachmentId");

        Answer fetched = PLATFORM.get("/api/attachments/" + id, mallory.token());
        Answer unknown = PLATFORM.get("/api/attachments/" + UUID.randomUUID(), mallory.token());
        Answer completed = PLATFORM.post("/api/attachments/" + id + "/complete", mallory.token(), new JsonObject());
        Answer uploaded = PLATFORM.post(
                "/api/attachments", mallory.token(), request(conversation, "x.pdf", "application/pdf", 10));

        assertThat(fetched.status()).isEqualTo(404);
        assertThat(fetched.json().getString("detail"))
                .as("the same answer as for an id that does not exist")
                .isEqualTo(unknown.json().getString("detail"));
        assertThat(completed.status()).isEqualTo(404);
        assertThat(uploaded.status()).isEqualTo(404);
        assertThat(PLATFORM.get("/api/attachments/" + id, bob.token()).status()).isEqualTo(200);
    }

    @Test
    void aMessageCarriesOnlyTheSendersOwnCompletedUploadsToThatConversation() throws Exception {
        UUID malloryWithAlice = PLATFORM.directConversation(mallory, alice);
        String alicesFile =
                upload(alice, conversation, "a.pdf", "application/pdf", PDF).getString("attachmentId");

        Answer smuggled = PLATFORM.post(
                "/api/conversations/" + malloryWithAlice + "/messages",
                mallory.token(),
                new JsonObject()
                        .put("clientMessageId", "smuggle-" + UUID.randomUUID())
                        .put("content", "look")
                        .put("attachmentIds", new JsonArray().add(alicesFile)));
        Answer elsewhere = PLATFORM.post(
                "/api/conversations/" + malloryWithAlice + "/messages",
                alice.token(),
                new JsonObject()
                        .put("clientMessageId", "elsewhere-" + UUID.randomUUID())
                        .put("content", "")
                        .put("attachmentIds", new JsonArray().add(alicesFile)));

        assertThat(smuggled.status()).isEqualTo(400);
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.json().getString("detail")).contains(alicesFile);
    }

    @Test
    void theSocketsMessageSendCarriesOwnUploadsRefusesOthersAndAQuoteOfItSaysWhatItCarried() throws Exception {
        UUID malloryWithAlice = PLATFORM.directConversation(mallory, alice);
        JsonObject pdf = upload(alice, conversation, "report.pdf", "application/pdf", PDF);
        String alicesFile = pdf.getString("attachmentId");
        try (TestSocket alicesSocket = PLATFORM.connect(alice);
                TestSocket mallorysSocket = PLATFORM.connect(mallory)) {
            alicesSocket.await(f -> "hello".equals(f.getString("type")));
            mallorysSocket.await(f -> "hello".equals(f.getString("type")));

            alicesSocket.send(sendFrame(conversation, "ws-file", alicesFile));
            JsonObject ack = alicesSocket.awaitFrame("message.ack", new JsonObject().put("clientMessageId", "ws-file"));
            mallorysSocket.send(sendFrame(malloryWithAlice, "ws-smuggle", alicesFile));
            alicesSocket.send(sendFrame(malloryWithAlice, "ws-elsewhere", alicesFile));

            JsonObject smuggled =
                    mallorysSocket.awaitFrame("error", new JsonObject().put("clientMessageId", "ws-smuggle"));
            JsonObject elsewhere =
                    alicesSocket.awaitFrame("error", new JsonObject().put("clientMessageId", "ws-elsewhere"));
            assertThat(smuggled.getString("code")).isEqualTo("invalid");
            assertThat(smuggled.getString("message")).contains(alicesFile);
            assertThat(elsewhere.getString("code")).isEqualTo("invalid");
            long seq = ack.getLong("seq");
            assertThat(projected(seq).getJsonArray("attachments")).containsExactly(pdf);

            Answer reply = PLATFORM.post(
                    "/api/conversations/" + conversation + "/messages",
                    bob.token(),
                    new JsonObject()
                            .put("clientMessageId", "quote-" + UUID.randomUUID())
                            .put("content", "read it")
                            .put("replyToSeq", seq));
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            JsonObject quote = projected(reply.json().getLong("seq")).getJsonObject("replyTo");
            assertThat(quote.getString("content")).isEmpty();
            assertThat(quote.getJsonArray("attachments")).containsExactly(pdf);
        }
    }

    private static JsonObject sendFrame(UUID conversationId, String clientMessageId, String attachmentId) {
        return new JsonObject()
                .put("type", "message.send")
                .put("conversationId", conversationId.toString())
                .put("clientMessageId", clientMessageId)
                .put("content", "")
                .put("attachmentIds", new JsonArray().add(attachmentId));
    }

    @Test
    void anUploadOverTheLimitIs413AndARefusedTypeIs415InPlainWords() throws Exception {
        Answer tooLarge = PLATFORM.post(
                "/api/attachments", alice.token(), request(conversation, "film.mp4", "application/pdf", 26_214_401));
        Answer html =
                PLATFORM.post("/api/attachments", alice.token(), request(conversation, "page.html", "text/html", 100));
        Answer avatarPdf = PLATFORM.post(
                "/api/attachments",
                alice.token(),
                request(null, "me.pdf", "application/pdf", 100).put("purpose", "avatar"));

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(tooLarge.json().getString("detail"))
                .isEqualTo("the file is 26.2 MB; the largest file you can send is 26.2 MB");
        assertThat(html.status()).isEqualTo(415);
        assertThat(html.json().getString("detail")).startsWith("files of type text/html cannot be sent; allowed: ");
        assertThat(avatarPdf.status()).isEqualTo(415);
    }

    @Test
    void moreBytesThanAnnouncedAreRefusedWith413AndBytesThatAreNoImageWith415() throws Exception {
        JsonObject created = created(alice, conversation, "small.pdf", "application/pdf", 10);
        HttpResponse<String> over = put(created, new byte[20]);
        JsonObject fake = created(alice, conversation, "fake.png", "image/png", PDF.length);
        assertThat(put(fake, PDF).statusCode()).isEqualTo(200);
        Answer completeFake = PLATFORM.post(
                "/api/attachments/" + fake.getString("attachmentId") + "/complete", alice.token(), new JsonObject());
        Answer completeMissing = PLATFORM.post(
                "/api/attachments/" + created.getString("attachmentId") + "/complete", alice.token(), new JsonObject());

        assertThat(over.statusCode()).isEqualTo(413);
        assertThat(new JsonObject(over.body()).getString("detail"))
                .isEqualTo("the file is larger than the 10 bytes this upload allows");
        assertThat(completeFake.status()).isEqualTo(415);
        assertThat(completeFake.json().getString("detail")).isEqualTo("the file is not a readable image/png image");
        assertThat(completeMissing.status())
                .as("nothing of the refused upload was kept")
                .isEqualTo(409);
    }

    @Test
    void aSignedUrlThatWasChangedOrExpiredIsRefused() throws Exception {
        JsonObject pdf = upload(alice, conversation, "signed.pdf", "application/pdf", PDF);
        String url = link(alice, pdf.getString("attachmentId")).getString("url");

        HttpResponse<byte[]> inline = fetch(url.replace("inline=0", "inline=1"));
        HttpResponse<byte[]> otherType = fetch(url.replace("type=application%2Fpdf", "type=text%2Fhtml"));
        HttpResponse<byte[]> later = fetch(url.replaceFirst("exp=\\d+", "exp=9999999999"));

        assertThat(inline.statusCode()).isEqualTo(403);
        assertThat(otherType.statusCode()).isEqualTo(403);
        assertThat(later.statusCode()).isEqualTo(403);
        assertThat(fetch(url).statusCode()).isEqualTo(200);
    }

    static JsonObject request(UUID conversationId, String name, String type, long size) {
        JsonObject body =
                new JsonObject().put("name", name).put("contentType", type).put("sizeBytes", size);
        return conversationId == null ? body : body.put("conversationId", conversationId.toString());
    }

    private static JsonObject created(TestUser user, UUID conversationId, String name, String type, long size) {
        Answer created = PLATFORM.post("/api/attachments", user.token(), request(conversationId, name, type, size));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** Registers, puts and completes an upload: the attachment's JSON. */

    /** Message {@code seq} of the conversation as Bob reads it once the projector stored it. */
    private static JsonObject projected(long seq) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> PLATFORM.get(
                                        "/api/conversations/" + conversation + "/messages?after=" + (seq - 1),
                                        bob.token())
                                .json()
                                .getJsonArray("items"),
                        items -> !items.isEmpty())
                .getJsonObject(0);
    }

    static JsonObject upload(TestUser user, UUID conversationId, String name, String type, byte[] bytes)
            throws Exception {
        JsonObject created = created(user, conversationId, name, type, bytes.length);
        HttpResponse<String> put = put(created, bytes);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        Answer completed = PLATFORM.post(
                "/api/attachments/" + created.getString("attachmentId") + "/complete", user.token(), new JsonObject());
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        return completed.json();
    }

    private static HttpResponse<String> put(JsonObject created, byte[] bytes) throws Exception {
        JsonObject upload = created.getJsonObject("upload");
        HttpRequest.Builder request = HttpRequest.newBuilder(absolute(upload.getString("url")))
                .timeout(Duration.ofSeconds(30))
                .method(upload.getString("method"), HttpRequest.BodyPublishers.ofByteArray(bytes));
        upload.getJsonObject("headers").forEach(h -> request.header(h.getKey(), (String) h.getValue()));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject link(TestUser user, String id) {
        Answer link = PLATFORM.get("/api/attachments/" + id, user.token());
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        return link.json();
    }

    private static HttpResponse<byte[]> fetch(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(absolute(url))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static URI absolute(String url) {
        return url.startsWith("/") ? PLATFORM.uri(PLATFORM.edge(), url) : URI.create(url);
    }

    static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2a7ab0));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0xf4d35e));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
