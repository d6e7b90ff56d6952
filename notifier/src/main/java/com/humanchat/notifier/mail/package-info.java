/** Notification e-mails: composing them (text and HTML) and sending them over SMTP with Jakarta Mail. */
package com.humanchat.notifier.mail;
