/**
 * Web Push: the payload a device is shown, and sending it to the browser's push service — VAPID-signed (RFC 8292),
 * encrypted to the device (RFC 8291 {@code aes128gcm}) by the {@code com.interaso:webpush} library.
 */
package com.humanchat.notifier.push;
