package com.humanchat.edge.config;

import com.humanchat.schemas.config.EnvironmentReader;
import com.humanchat.schemas.config.PublicUrl;
import com.humanchat.schemas.config.Settings;

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
        String host = r.optional(Settings.SMTP_HOST);
        int port = r.integer(Settings.SMTP_PORT, 1, 65535);
        String username = r.optional(Settings.SMTP_USERNAME);
        String password = r.optional(Settings.SMTP_PASSWORD);
        boolean startTls = r.bool(Settings.SMTP_STARTTLS);
        String from = r.withDefault(Settings.SMTP_FROM);
        boolean devOutbox = r.bool(Settings.DEV_OUTBOX);
        String publicUrl = PublicUrl.read(r, httpPort);
        if (host != null && devOutbox) {
            r.problem("HUMANCHAT_DEV_OUTBOX is for development without a mail server: unset it when HUMANCHAT_SMTP_HOST"
                    + " is set");
        }
        return new MailConfig(host, port, username, password, startTls, from, devOutbox, publicUrl);
    }
}
