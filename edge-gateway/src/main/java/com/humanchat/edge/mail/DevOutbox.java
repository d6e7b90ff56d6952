package com.humanchat.edge.mail;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Development only ({@code HUMANCHAT_DEV_OUTBOX=true}, refused together with an SMTP server): instead of sending,
 * writes each e-mail's link to the log and keeps the last {@value #KEPT} e-mails for the {@code GET /dev/outbox} page of
 * this process.
 */
public final class DevOutbox implements Mailer {

    static final int KEPT = 100;
    public static final String PATH = "/dev/outbox";

    private static final Logger LOG = LoggerFactory.getLogger(DevOutbox.class);

    private final Deque<Mail> kept = new ArrayDeque<>();

    DevOutbox() {
        LOG.warn("development outbox on: e-mails are not sent; their links are logged and listed at {}", PATH);
    }

    @Override
    public Future<Void> send(Mail mail) {
        LOG.info("development outbox: e-mail '{}' to {}: {}", mail.subject(), mail.to(), mail.link());
        synchronized (kept) {
            kept.addFirst(mail);
            while (kept.size() > KEPT) {
                kept.removeLast();
            }
        }
        return Future.succeededFuture();
    }

    /** The kept e-mails, newest first. */
    public List<Mail> mails() {
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }

    /** Mounts {@code GET /dev/outbox}: a plain HTML list of the kept e-mails, newest first. */
    public void mount(Router root) {
        root.get(PATH).handler(this::page);
    }

    private void page(RoutingContext ctx) {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\">"
                + "<title>HumanChat development outbox</title></head><body><h1>Development outbox</h1>"
                + "<p>E-mails this edge would have sent (no SMTP server is configured). Newest first.</p><ul>");
        for (Mail mail : mails()) {
            html.append("<li data-to=\"")
                    .append(escape(mail.to()))
                    .append("\"><strong>")
                    .append(escape(mail.subject()))
                    .append("</strong> to ")
                    .append(escape(mail.to()))
                    .append(": <a href=\"")
                    .append(escape(mail.link()))
                    .append("\">")
                    .append(escape(mail.link()))
                    .append("</a></li>");
        }
        html.append("</ul></body></html>");
        ctx.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(html.toString());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
