package com.humanchat.notifier.mail;

import com.humanchat.ops.mail.SmtpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Sends a composed e-mail over SMTP (blocking; the notifier's dispatcher thread calls it): {@code multipart/alternative}
 * with the text and HTML parts, {@code List-Unsubscribe} and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}
 * (RFC 8058), the session's {@code .ics} as a {@code text/calendar} attachment when it has one, and a {@code Message-ID} derived from the notification, so that a resend after a crash in the instant
 * between the server's acceptance and the ledger's update is recognisable as the same message.
 */
public final class SmtpSender {

    private final Session session;
    private final InternetAddress from;

    public SmtpSender(SmtpServer server) {
        this.session = server.session();
        this.from = server.fromAddress();
    }

    public void send(UUID notificationId, Email email, String unsubscribe) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + notificationId + "@notifications.humanchat>");
            }
        };
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), true));
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        if (email.calendar() == null) {
            message.setContent(alternative);
        } else {
            // multipart/mixed: the readable alternatives, then the session's .ics as an attachment
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            MimeBodyPart calendar = new MimeBodyPart();
            calendar.setContent(email.calendar(), "text/calendar; charset=utf-8; method=PUBLISH");
            calendar.setFileName("session.ics");
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            mixed.addBodyPart(calendar);
            message.setContent(mixed);
        }
        message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        Transport.send(message);
    }
}
