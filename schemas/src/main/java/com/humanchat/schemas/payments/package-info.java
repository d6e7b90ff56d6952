/**
 * The payment families: asks to the payments worker on {@code payments.commands}, Stripe events the edge verified on
 * {@code payments.webhooks}, and the worker's payment and connected-account changes on {@code payments.events}.
 * Amounts are in the currency's minor unit.
 */
package com.humanchat.schemas.payments;
