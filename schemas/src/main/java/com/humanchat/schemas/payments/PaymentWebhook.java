package com.humanchat.schemas.payments;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.humanchat.schemas.Envelope;

/** A Stripe event whose signature the edge verified; key = the payment or the connected account it is about. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = StripeEventReceived.class, name = "stripe.event-received")})
public sealed interface PaymentWebhook extends Envelope permits StripeEventReceived {}
