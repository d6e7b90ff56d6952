package com.humanchat.notifier.push;

import com.humanchat.notifier.domain.Notification;
import com.humanchat.schemas.Json;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the service worker shows for a notification: {@code {notificationId, kind, title, body, link, conversationId}}
 * as JSON ({@code link} is where the web client shows it; the worker opens or focuses that). Kept under the 4 KB a
 * push service takes, the body cut first.
 */
public final class PushPayload {

    /** RFC 8291 leaves 3,993 bytes of plaintext in one 4,096-byte record; stay well below. */
    static final int MAX_BODY_CHARS = 600;

    private PushPayload() {}

    public static String of(Notification notification) {
        String body = notification.body();
        if (body.length() > MAX_BODY_CHARS) {
            body = body.substring(0, MAX_BODY_CHARS - 1) + "…";
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("notificationId", notification.id().toString());
        payload.put("kind", notification.kind().wire());
        payload.put("title", notification.title());
        payload.put("body", body);
        payload.put("link", notification.link());
        payload.put(
                "conversationId",
                notification.conversationId() == null
                        ? null
                        : notification.conversationId().toString());
        try {
            return Json.mapper().writeValueAsString(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
