package com.humanchat.ops.mail;

import com.humanchat.schemas.config.EnvironmentReader;
import com.humanchat.schemas.config.Settings;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.util.Properties;

/**
 * An SMTP server of the {@code HUMANCHAT_SMTP_*} settings, as Jakarta Mail (Eclipse Angus) reaches it: STARTTLS
 * required unless turned off, authentication when a user is set, 10 s connect/read/write timeouts. Shared by the
 * edge's verification e-mails and the notifier's.
 */
public record SmtpServer(String host, int port, String username, String password, boolean startTls, String from) {

    private static final String TIMEOUT_MILLIS = "10000";

    /** The server the environment names, or null when {@code HUMANCHAT_SMTP_HOST} is unset; problems go to {@code r}. */
    public static SmtpServer read(EnvironmentReader r) {
        String host = r.optional(Settings.SMTP_HOST);
        int port = r.integer(Settings.SMTP_PORT, 1, 65535);
        String username = r.optional(Settings.SMTP_USERNAME);
        String password = r.optional(Settings.SMTP_PASSWORD);
        boolean startTls = r.bool(Settings.SMTP_STARTTLS);
        String from = r.withDefault(Settings.SMTP_FROM);
        return host == null ? null : new SmtpServer(host, port, username, password, startTls, from);
    }

    /** A Jakarta Mail session for this server. */
    public Session session() {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
        props.put("mail.smtp.starttls.required", Boolean.toString(startTls));
        props.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        props.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        props.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        Authenticator authenticator = null;
        if (username != null) {
            props.put("mail.smtp.auth", "true");
            PasswordAuthentication credentials = new PasswordAuthentication(username, password);
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return credentials;
                }
            };
        }
        return Session.getInstance(props, authenticator);
    }

    /** The sender address; an unparseable {@code HUMANCHAT_SMTP_FROM} is refused. */
    public InternetAddress fromAddress() {
        try {
            return new InternetAddress(from, true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("HUMANCHAT_SMTP_FROM is not an e-mail address", e);
        }
    }

    @Override
    public String toString() {
        return "smtp://" + host + ":" + port + (startTls ? " (STARTTLS)" : "");
    }
}
