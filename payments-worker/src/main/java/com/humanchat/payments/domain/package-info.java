/**
 * Pure payment rules: the platform fee, the refund policy, the payment state machine and the text a donation leaves
 * in its conversation. No Stripe, Kafka or JDBC type is imported here.
 */
package com.humanchat.payments.domain;
