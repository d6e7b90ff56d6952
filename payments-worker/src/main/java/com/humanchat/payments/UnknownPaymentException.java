package com.humanchat.payments;

/** A Stripe event names a PaymentIntent of ours the ledger does not hold; the record goes to the dead-letter topic. */
final class UnknownPaymentException extends RuntimeException {

    UnknownPaymentException(String message) {
        super(message);
    }
}
