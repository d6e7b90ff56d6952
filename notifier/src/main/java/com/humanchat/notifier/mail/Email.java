package com.humanchat.notifier.mail;

/** A composed e-mail as the sent-ledger keeps it: what is sent is exactly what was composed. */
public record Email(String to, String subject, String text, String html) {}
