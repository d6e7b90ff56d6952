package com.humanchat.schemas.payments;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.humanchat.schemas.Envelope;

/** An ask to the payments worker; key = the session for a session payment, else the payment or the host. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CreatePaymentIntent.class, name = "payment.create-intent"),
    @JsonSubTypes.Type(value = CreateDonation.class, name = "payment.create-donation"),
    @JsonSubTypes.Type(value = OnboardHost.class, name = "payment.onboard")
})
public sealed interface PaymentCommand extends Envelope permits CreatePaymentIntent, CreateDonation, OnboardHost {}
