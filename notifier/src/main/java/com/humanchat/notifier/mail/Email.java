package com.humanchat.notifier.mail;

/**
 * A composed e-mail as the sent-ledger keeps it: what is sent is exactly what was composed.
 *
 * @param calendar an iCalendar file attached to it ({@code text/calendar}), or null
 */
public record Email(String to, String subject, String text, String html, String calendar) {}
