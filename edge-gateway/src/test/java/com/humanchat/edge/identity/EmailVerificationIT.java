package com.humanchat.edge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.edge.TestEdge;
import com.humanchat.edge.TestHttp.Answer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, finding 1, against a real SMTP server (GreenMail in this JVM): registration mails a signed, expiring link
 * bound to the address; following it verifies the address; the resend is limited; roles granted by e-mail, payouts and
 * managed-host settings wait for it. With a mail server configured there is no development outbox.
 */
class EmailVerificationIT {

    private static final String PUBLIC_URL = "https://chat.example.test";
    private static final Pattern LINK = Pattern.compile(Pattern.quote(PUBLIC_URL) + "/verify-email\\?token=(\\S+)");
    private static final String PASSWORD = "a long enough password";

    private static GreenMail smtp;
    private static TestEdge edge;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        edge = TestEdge.start(
                "email_verification",
                Map.of(
                        "HUMANCHAT_SMTP_HOST", "127.0.0.1",
                        "HUMANCHAT_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()),
                        "HUMANCHAT_SMTP_STARTTLS", "false",
                        "HUMANCHAT_SMTP_FROM", "HumanChat <no-reply@chat.example.test>",
                        "HUMANCHAT_DEV_OUTBOX", "false",
                        "HUMANCHAT_PUBLIC_URL", PUBLIC_URL,
                        "HUMANCHAT_STRIPE_WEBHOOK_SECRET", "whsec_email_verification_" + UUID.randomUUID()));
    }

    @AfterAll
    static void stop() {
        if (edge != null) {
            edge.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void registrationMailsALinkThatVerifiesTheAddressOnce() throws Exception {
        String email = TestEdge.uniqueEmail("mailed");
        JsonObject registered = register(email, "user");
        assertThat(registered.getJsonObject("user").getBoolean("emailVerified")).isFalse();

        MimeMessage mail = awaitMailTo(email);
        assertThat(mail.getSubject()).contains("Confirm your e-mail address");
        assertThat(mail.getFrom()[0].toString()).contains("no-reply@chat.example.test");
        String token = tokenIn(mail);

        Answer verified = verify(token);
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().getBoolean("emailVerified")).isTrue();
        assertThat(edge.get("/api/auth/me", registered.getString("accessToken"))
                        .json()
                        .getBoolean("emailVerified"))
                .isTrue();
        assertThat(verify(token).status()).as("verifying again changes nothing").isEqualTo(200);
    }

    @Test
    void aForgedOrMalformedOrForeignTokenIsRefusedWith400() throws Exception {
        String email = TestEdge.uniqueEmail("forger");
        register(email, "user");
        String token = tokenIn(awaitMailTo(email));
        String[] parts = token.split("\\.");
        String otherAccount = UUID.randomUUID() + "." + parts[1] + "." + parts[2];
        String laterExpiry = parts[0] + "." + (Long.parseLong(parts[1]) + 3600) + "." + parts[2];
        String expired = parts[0] + "." + (System.currentTimeMillis() / 1000 - 1) + "." + parts[2];

        for (String bad : new String[] {otherAccount, laterExpiry, expired, "not-a-token", token + "x"}) {
            Answer refused = verify(bad);
            assertThat(refused.status()).as(bad + ": " + refused).isEqualTo(400);
            assertThat(refused.json().getString("type")).endsWith("/invalid-verification-link");
        }
        assertThat(verify(token).status()).isEqualTo(200);
    }

    @Test
    void theResendIsLimitedToOneAMinuteAndRefusedOnceVerified() throws Exception {
        String email = TestEdge.uniqueEmail("resender");
        JsonObject registered = register(email, "user");
        String token = registered.getString("accessToken");
        awaitMailTo(email);

        Answer tooSoon = resend(token);
        assertThat(tooSoon.status()).as(tooSoon.toString()).isEqualTo(429);
        assertThat(tooSoon.headers().firstValue("Retry-After")).isPresent();

        try (Connection db = edge.jdbc();
                PreparedStatement earlier = db.prepareStatement("update email_verification_sends"
                        + " set last_sent_at = last_sent_at - interval '2 minutes' where user_id = ?::uuid")) {
            earlier.setString(1, registered.getJsonObject("user").getString("id"));
            assertThat(earlier.executeUpdate()).isEqualTo(1);
        }
        Answer again = resend(token);
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(email).length == 2);

        assertThat(verify(tokenIn(mailsTo(email)[1])).status()).isEqualTo(200);
        assertThat(resend(token).status()).isEqualTo(409);
    }

    /** Payouts and managed-host settings need a proven address. */
    @Test
    void anUnverifiedHostNeitherOnboardsForPayoutsNorInvitesAManager() throws Exception {
        String email = TestEdge.uniqueEmail("unverified-host");
        String host = register(email, "host").getString("accessToken");
        String manager = register(TestEdge.uniqueEmail("would-be-manager"), "user")
                .getJsonObject("user")
                .getString("id");

        Answer payouts = edge.send(HttpRequest.newBuilder(edge.uri("/api/payments/connect/onboard"))
                .header("Authorization", "Bearer " + host)
                .POST(HttpRequest.BodyPublishers.noBody()));
        Answer invite = invite(host, manager);

        for (Answer refused : new Answer[] {payouts, invite}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.json().getString("type")).endsWith("/email-unverified");
        }

        assertThat(verify(tokenIn(awaitMailTo(email))).status()).isEqualTo(200);
        assertThat(invite(host, manager).status()).isEqualTo(201);
    }

    @Test
    void withAMailServerThereIsNoDevelopmentOutbox() {
        Answer page = edge.get("/dev/outbox");

        assertThat(page.body()).doesNotContain("Development outbox");
    }

    private static JsonObject register(String email, String role) {
        Answer answer = edge.post(
                "/api/auth/register",
                TestEdge.registration(email, PASSWORD, "Mailed").put("role", role));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }

    private static Answer verify(String token) {
        return edge.post("/api/auth/verify-email", new JsonObject().put("token", token));
    }

    private static Answer resend(String accessToken) {
        return edge.send(HttpRequest.newBuilder(edge.uri("/api/auth/verification-email"))
                .header("Authorization", "Bearer " + accessToken)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static Answer invite(String hostToken, String managerId) {
        return edge.send(HttpRequest.newBuilder(edge.uri("/api/manager-invitations"))
                .header("Authorization", "Bearer " + hostToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        new JsonObject().put("managerId", managerId).encode())));
    }

    private static MimeMessage awaitMailTo(String email) {
        await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(email).length > 0);
        return mailsTo(email)[0];
    }

    private static MimeMessage[] mailsTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(mail -> {
                    try {
                        return mail.getRecipients(Message.RecipientType.TO)[0]
                                .toString()
                                .equalsIgnoreCase(email);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toArray(MimeMessage[]::new);
    }

    private static String tokenIn(MimeMessage mail) {
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", ""));
        assertThat(link.find()).as("a link in " + GreenMailUtil.getBody(mail)).isTrue();
        return URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
    }
}
