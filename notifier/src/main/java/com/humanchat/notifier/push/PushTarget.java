package com.humanchat.notifier.push;

import java.util.UUID;

/**
 * A device's push subscription as the browser gave it: the push service's endpoint and the keys the payload is
 * encrypted to (base64url).
 */
public record PushTarget(UUID subscriptionId, String endpoint, String p256dh, String auth) {}
