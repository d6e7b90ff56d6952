/** The Stripe calls the worker makes, through stripe-java's {@code StripeClient}; blocking, so run on the worker pool. */
package com.humanchat.payments.stripe;
