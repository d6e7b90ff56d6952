package com.humanchat.notifier.config;

import com.humanchat.migrations.PostgresUrl;
import com.humanchat.ops.mail.SmtpServer;
import com.humanchat.schemas.config.EnvironmentReader;
import com.humanchat.schemas.config.PublicUrl;
import com.humanchat.schemas.config.Settings;
import com.humanchat.schemas.config.WebPushKeys;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the notifier reads from its environment, validated at start with every problem reported at once.
 *
 * @param smtp null when no SMTP server is configured: e-mail is off, in-app notifications still work
 * @param webPush null when no VAPID keys are configured: Web Push is off, in-app and e-mail still work
 * @param jwtSecret signs the unsubscribe links (the edge verifies them with the same key)
 * @param unreadDelay how long a message stays unread before it goes into its recipient's digest
 * @param maxAttempts SMTP/push attempts per notification before it is dead-lettered
 * @param firstRetry the first backoff after a failed attempt (doubling up to 30 s)
 */
public record NotifierConfig(
        String kafkaBootstrap,
        PostgresUrl postgres,
        SmtpServer smtp,
        WebPushKeys webPush,
        String publicUrl,
        String jwtSecret,
        Duration unreadDelay,
        int maxAttempts,
        Duration firstRetry,
        String groupId) {

    public static final String GROUP_ID = "humanchat-notifier";
    public static final Duration MAX_RETRY = Duration.ofSeconds(30);

    public static NotifierConfig fromEnv(Map<String, String> env) {
        EnvironmentReader r = new EnvironmentReader(env);
        String kafka = r.required(Settings.KAFKA_BOOTSTRAP);
        PostgresUrl postgres = r.required(Settings.PG_URL, PostgresUrl::parse);
        SmtpServer smtp = SmtpServer.read(r);
        WebPushKeys webPush = WebPushKeys.read(r);
        String publicUrl = PublicUrl.read(r, r.integer(Settings.HTTP_PORT, 0, 65535));
        String secret = r.required(Settings.JWT_SECRET);
        int delay = r.integer(Settings.NOTIFY_UNREAD_DELAY_SECONDS, 1, 86_400);
        int attempts = r.integer(Settings.NOTIFY_MAX_ATTEMPTS, 1, 50);
        r.throwIfInvalid();
        return new NotifierConfig(
                kafka,
                postgres,
                smtp,
                webPush,
                publicUrl,
                secret,
                Duration.ofSeconds(delay),
                attempts,
                Duration.ofMillis(500),
                GROUP_ID);
    }

    @Override
    public String toString() {
        return "NotifierConfig[kafka=" + kafkaBootstrap + ", postgres=" + postgres + ", smtp="
                + (smtp == null ? "off" : smtp) + ", webPush=" + (webPush == null ? "off" : webPush) + ", unreadDelay="
                + unreadDelay + ", maxAttempts=" + maxAttempts + "]";
    }
}
