package com.humanchat.edge.sessions.domain;

import com.humanchat.readmodels.hosts.HostOffer;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import java.util.Optional;

/**
 * A session costs what its host publishes: with a priced host it is paid, at exactly the host's price in the host's
 * currency (the price is per session, whatever its duration); with a host who charges nothing it is free, or a
 * donation where the host welcomes donations. The client's proposal is checked, never trusted.
 */
public final class BookingPrice {

    /** Why a proposal is refused: the field it is about (a JSON pointer) and what to send instead. */
    public record Refusal(String pointer, String detail) {}

    private BookingPrice() {}

    /** Empty when {@code mode} at {@code proposed} is what {@code host} offers. */
    public static Optional<Refusal> refusal(HostOffer host, PaymentMode mode, Money proposed) {
        if (host.priced()) {
            Money price = host.price();
            String send = "this host's sessions cost " + price.display() + ": book with paymentMode paid and"
                    + " agreedPrice {amountCents: " + price.amountCents() + ", currency: " + price.currency() + "}";
            if (mode != PaymentMode.PAID) {
                return Optional.of(new Refusal("/paymentMode", send));
            }
            if (!price.equals(proposed)) {
                return Optional.of(new Refusal("/agreedPrice", send));
            }
            return Optional.empty();
        }
        return switch (mode) {
            case PAID ->
                Optional.of(new Refusal(
                        "/paymentMode", "this host does not charge for sessions: book with paymentMode free"));
            case DONATION ->
                host.donationsWelcome()
                        ? Optional.empty()
                        : Optional.of(new Refusal(
                                "/paymentMode", "this host does not take donations: book with paymentMode free"));
            case FREE -> Optional.empty();
        };
    }
}
