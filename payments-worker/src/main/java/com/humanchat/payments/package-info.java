/**
 * The payments worker: consumes {@code payments.commands}, {@code payments.webhooks} and {@code sessions.events},
 * calls Stripe Connect, keeps the ledger and publishes {@code payments.events} (plus the platform's session
 * confirmations and donation messages) through a transactional outbox.
 */
package com.humanchat.payments;
