package com.humanchat.notifier.push;

import com.humanchat.schemas.config.WebPushKeys;
import com.interaso.webpush.CryptoKt;
import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends one push message (blocking; the notifier's dispatcher calls it). The library ({@code com.interaso:webpush})
 * encrypts the payload to the device ({@code aes128gcm}) and signs the VAPID JWT for the endpoint's origin; the HTTP
 * request is ours, so that a push service that does not answer costs a bounded wait, not the dispatcher.
 */
public final class WebPushSender {

    /** How long the push service keeps a message for a device that is offline. */
    static final int TTL_SECONDS = 24 * 60 * 60;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** The push service answered neither accepted nor gone (a 5xx, a 429, …): worth another attempt. */
    public static final class PushRefusedException extends IOException {
        public PushRefusedException(int status, String body) {
            super("push service answered " + status + (body == null || body.isBlank() ? "" : ": " + body.strip()));
        }
    }

    private final WebPush webPush;
    private final HttpClient http;

    /** Refuses a key pair whose halves do not belong together. */
    public WebPushSender(WebPushKeys keys) {
        VapidKeys vapid = VapidKeys.fromUncompressedBytes(keys.publicKey(), keys.privateKey());
        if (!CryptoKt.areKeysValidPair(vapid.getPrivateKey(), vapid.getPublicKey())) {
            throw new IllegalArgumentException("the VAPID public and private keys are not one pair");
        }
        this.webPush = new WebPush(keys.subject(), vapid);
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /**
     * Sends {@code payload} to the device: true when the push service accepted it, false when it says the
     * subscription is gone (404, 410: the caller deletes it); anything else throws.
     */
    public boolean send(PushTarget target, String payload) throws IOException, InterruptedException {
        byte[] body = webPush.getBody(
                payload.getBytes(StandardCharsets.UTF_8),
                CryptoKt.decodeBase64(target.p256dh()),
                CryptoKt.decodeBase64(target.auth()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.endpoint()))
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        webPush.getHeaders(target.endpoint(), TTL_SECONDS, null, WebPush.Urgency.Normal)
                .forEach(request::setHeader);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 404 || status == 410) {
            return false;
        }
        if (status < 200 || status >= 300) {
            throw new PushRefusedException(status, response.body());
        }
        return true;
    }
}
