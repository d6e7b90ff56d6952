/**
 * {@code /api/payments}: the edge verifies and forwards — host onboarding, a paid session's intent, donations, reads of
 * one's own payments, and Stripe's signed webhooks — while the payments worker talks to Stripe and keeps the ledger.
 */
package com.humanchat.edge.payments;
