package com.humanchat.schemas.payments;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.humanchat.schemas.Envelope;
import java.util.UUID;

/** A change the payments worker recorded in its ledger; key = the payment, or the host for accounts. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PaymentUpdated.class, name = "payment.updated"),
    @JsonSubTypes.Type(value = AccountUpdated.class, name = "payment.account-updated")
})
public sealed interface PaymentEvent extends Envelope permits PaymentUpdated, AccountUpdated {

    /** The command this event answers, null when a webhook caused it. */
    UUID commandId();
}
