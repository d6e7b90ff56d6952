package com.humanchat.notifier.mail;

import com.humanchat.notifier.domain.Notification;
import com.humanchat.notifier.domain.NotificationKind;
import com.humanchat.schemas.sessions.CalendarFile;
import com.humanchat.schemas.sessions.Session;
import java.util.List;

/**
 * Writes a notification as an e-mail: a plain-text and an HTML part with the same words, a link to where the web
 * client shows it, and the one-click unsubscribe link at the foot; a scheduled session's confirmation carries the
 * session's {@code .ics} (the same file the edge serves), so it lands in the recipient's calendar.
 */
public final class EmailComposer {

    private final String publicUrl;

    public EmailComposer(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    /**
     * @param lines the digest's lines (one per unread message), or empty for a single notification
     * @param unsubscribe the signed one-click link that stops notification e-mails for this recipient
     * @param session the session the notification is about, or null
     */
    public Email compose(
            String to, Notification notification, List<String> lines, String unsubscribe, Session session) {
        String open = publicUrl + notification.link();
        StringBuilder text = new StringBuilder(notification.title()).append("\n\n");
        StringBuilder html = new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif\">")
                .append("<h2>")
                .append(escape(notification.title()))
                .append("</h2>");
        if (!notification.body().isBlank()) {
            text.append(notification.body()).append("\n\n");
            html.append("<p>").append(escape(notification.body())).append("</p>");
        }
        if (!lines.isEmpty()) {
            html.append("<ul>");
            for (String line : lines) {
                text.append("  ").append(line).append('\n');
                html.append("<li>").append(escape(line)).append("</li>");
            }
            text.append('\n');
            html.append("</ul>");
        }
        text.append("Open HumanChat: ")
                .append(open)
                .append("\n\n-- \nStop these e-mails: ")
                .append(unsubscribe)
                .append('\n');
        html.append("<p><a href=\"")
                .append(escape(open))
                .append("\">Open HumanChat</a></p><hr><p style=\"font-size:small;color:#666\">")
                .append("You get this because notification e-mails are on in your settings. <a href=\"")
                .append(escape(unsubscribe))
                .append("\">Unsubscribe</a></p></body></html>");
        boolean invitation = notification.kind() == NotificationKind.SESSION_CONFIRMED
                && session != null
                && session.startTime() != null;
        // confirmed once, never rescheduled yet: SEQUENCE 0 (a reschedule's file, from the edge, counts up)
        String calendar = invitation ? CalendarFile.of(session, 0, publicUrl) : null;
        return new Email(to, notification.title(), text.toString(), html.toString(), calendar);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
