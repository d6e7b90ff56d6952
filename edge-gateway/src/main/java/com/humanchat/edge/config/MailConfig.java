package com.humanchat.edge.config;

import com.humanchat.schemas.config.EnvironmentReader;
import java.util.Locale;

/**
 * How the edge sends e-mail (verification links). With {@code HUMANCHAT_SMTP_HOST} set, over SMTP; without it, only
 * when {@code HUMANCHAT_DEV_OUTBOX=true} (the standalone's default, never set by compose or Helm) are links written to
 * the log and shown on the local {@code /dev/outbox} page; otherwise nothing is sent and the link is never logged.
 * Both at once is refused at start: a deployment with a mail server never shows anyone's link on a page.
 *
 * @param publicUrl the address users open the web client at; verification links point there
 */
public record MailConfig(
        String smtpHost,
        int smtpPort,
        String smtpUsername,
        String smtpPassword,
        boolean smtpStartTls,
        String from,
        boolean devOutbox,
        String publicUrl) {

    public boolean smtpConfigured() {
        return smtpHost != null;
    }

    /** Reads the mail settings; problems are added to {@code r}. */
    static MailConfig read(EnvironmentReader r, int httpPort) {
        String host = r.optional("HUMANCHAT_SMTP_HOST");
        int port = r.integer("HUMANCHAT_SMTP_PORT", 587, 1, 65535);
        String username = r.optional("HUMANCHAT_SMTP_USERNAME");
        String password = r.optional("HUMANCHAT_SMTP_PASSWORD");
        boolean startTls = bool(r, "HUMANCHAT_SMTP_STARTTLS", true);
        String from = r.optional("HUMANCHAT_SMTP_FROM", "HumanChat <no-reply@humanchat.local>");
        boolean devOutbox = bool(r, "HUMANCHAT_DEV_OUTBOX", false);
        String publicUrl = r.optional("HUMANCHAT_PUBLIC_URL", "http://localhost:" + (httpPort == 0 ? 8080 : httpPort));
        if (host != null && devOutbox) {
            r.problem("HUMANCHAT_DEV_OUTBOX is for development without a mail server: unset it when HUMANCHAT_SMTP_HOST"
                    + " is set");
        }
        if (!publicUrl.matches("https?://[^\\s]+")) {
            r.problem("HUMANCHAT_PUBLIC_URL must be an http:// or https:// URL, not '" + publicUrl + "'");
        }
        return new MailConfig(
                host,
                port,
                username,
                password,
                startTls,
                from,
                devOutbox,
                publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl);
    }

    private static boolean bool(EnvironmentReader r, String name, boolean fallback) {
        String value = r.optional(name, Boolean.toString(fallback)).trim().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            r.problem(name + " must be true or false, not '" + value + "'");
            return fallback;
        }
        return Boolean.parseBoolean(value);
    }
}
