/**
 * The payments ledger in PostgreSQL (migration V5): connected accounts, payments with their status history, the
 * Stripe event ids already processed and the outbox of records to publish — each change in one transaction.
 */
package com.humanchat.payments.ledger;
