package com.humanchat.edge.mail;

import com.humanchat.edge.config.MailConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends one plain-text e-mail; the future fails when the mail server refused it. */
public interface Mailer extends AutoCloseable {

    /** One e-mail: recipient, subject, plain-text body, and the one link it carries (for the development outbox). */
    record Mail(String to, String subject, String text, String link) {}

    Future<Void> send(Mail mail);

    @Override
    default void close() {}

    /** SMTP when configured; else the development outbox when enabled; else a mailer that sends nothing. */
    static Mailer create(Vertx vertx, MailConfig config) {
        if (config.smtpConfigured()) {
            return new SmtpMailer(vertx, config);
        }
        if (config.devOutbox()) {
            return new DevOutbox();
        }
        Logger log = LoggerFactory.getLogger(Mailer.class);
        log.warn("no SMTP server configured (HUMANCHAT_SMTP_HOST): verification e-mails are not sent");
        return mail -> {
            // Never the link: whoever reads the log could otherwise verify any address.
            log.warn("e-mail '{}' not sent: no SMTP server configured", mail.subject());
            return Future.succeededFuture();
        };
    }
}
