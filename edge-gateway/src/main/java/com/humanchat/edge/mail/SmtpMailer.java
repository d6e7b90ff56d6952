package com.humanchat.edge.mail;

import com.humanchat.edge.config.MailConfig;
import com.humanchat.ops.mail.SmtpServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;

/**
 * Jakarta Mail (Eclipse Angus) over SMTP ({@link SmtpServer}, shared with the notifier); the blocking transport runs on the
 * bounded {@value #POOL_NAME} worker pool, never on an event loop.
 */
final class SmtpMailer implements Mailer {

    static final String POOL_NAME = "smtp";
    private static final int POOL_SIZE = 2;

    private final Session session;
    private final InternetAddress from;
    private final WorkerExecutor workers;

    SmtpMailer(Vertx vertx, MailConfig config) {
        SmtpServer server = new SmtpServer(
                config.smtpHost(),
                config.smtpPort(),
                config.smtpUsername(),
                config.smtpPassword(),
                config.smtpStartTls(),
                config.from());
        this.session = server.session();
        this.from = server.fromAddress();
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
