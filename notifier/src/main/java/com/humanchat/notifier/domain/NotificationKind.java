package com.humanchat.notifier.domain;

/** What a notification is about; the wire name is what the in-app list and the web client see. */
public enum NotificationKind {
    MESSAGES_UNREAD("messages.unread"),
    MESSAGE_MENTION("message.mention"),
    SESSION_REQUESTED("session.requested"),
    SESSION_ACCEPTED("session.accepted"),
    SESSION_CONFIRMED("session.confirmed"),
    SESSION_CANCELLED("session.cancelled"),
    SESSION_DECLINED("session.declined"),
    SESSION_REFUNDED("session.refunded"),
    SESSION_REMINDER("session.reminder"),
    REQUEST_WAITING("request.waiting"),
    REQUEST_DECIDED("request.decided"),
    PAYMENT_RECEIPT("payment.receipt"),
    TIP_RECEIVED("tip.received");

    private final String wire;

    NotificationKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
