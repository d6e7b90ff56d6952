/**
 * Stripe at the worker's edge, through stripe-java: the calls it makes with its {@code StripeClient}
 * ({@code StripeConnect}; blocking, so run on the worker pool) and the events it reads into facts
 * ({@code StripeEventReader}).
 */
package com.humanchat.payments.stripe;
