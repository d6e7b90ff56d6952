/**
 * Outgoing e-mail: SMTP through Jakarta Mail when configured, else the development outbox (log and local page) when
 * enabled, else nothing is sent.
 */
package com.humanchat.edge.mail;
