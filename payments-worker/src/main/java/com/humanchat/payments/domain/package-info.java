/**
 * Pure payment rules: the platform fee, the payment state machine, the text a donation leaves in its conversation,
 * and the facts a Stripe event tells ({@code StripeFact}) once read out of Stripe's objects. No Stripe, Kafka or JDBC
 * type is imported here.
 */
package com.humanchat.payments.domain;
