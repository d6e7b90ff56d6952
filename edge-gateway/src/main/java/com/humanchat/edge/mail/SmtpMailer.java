package com.humanchat.edge.mail;

import com.humanchat.edge.config.MailConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Jakarta Mail (Eclipse Angus) over SMTP, with STARTTLS required unless turned off; the blocking transport runs on the
 * bounded {@value #POOL_NAME} worker pool, never on an event loop.
 */
final class SmtpMailer implements Mailer {

    static final String POOL_NAME = "smtp";
    private static final int POOL_SIZE = 2;
    private static final String TIMEOUT_MILLIS = "10000";

    private final Session session;
    private final InternetAddress from;
    private final WorkerExecutor workers;

    SmtpMailer(Vertx vertx, MailConfig config) {
        Properties props = new Properties();
        props.put("mail.smtp.host", config.smtpHost());
        props.put("mail.smtp.port", Integer.toString(config.smtpPort()));
        props.put("mail.smtp.starttls.enable", Boolean.toString(config.smtpStartTls()));
        props.put("mail.smtp.starttls.required", Boolean.toString(config.smtpStartTls()));
        props.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        props.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        props.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        Authenticator authenticator = null;
        if (config.smtpUsername() != null) {
            props.put("mail.smtp.auth", "true");
            PasswordAuthentication credentials =
                    new PasswordAuthentication(config.smtpUsername(), config.smtpPassword());
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return credentials;
                }
            };
        }
        this.session = Session.getInstance(props, authenticator);
        try {
            this.from = new InternetAddress(config.from(), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("HUMANCHAT_SMTP_FROM is not an e-mail address", e);
        }
        this.workers = vertx.createSharedWorkerExecutor(POOL_NAME, POOL_SIZE);
    }

    @Override
    public Future<Void> send(Mail mail) {
        return workers.executeBlocking(
                () -> {
                    MimeMessage message = new MimeMessage(session);
                    message.setFrom(from);
                    message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
                    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
                    message.setText(mail.text(), StandardCharsets.UTF_8.name());
                    Transport.send(message);
                    return null;
                },
                false);
    }

    @Override
    public void close() {
        workers.close();
    }
}
