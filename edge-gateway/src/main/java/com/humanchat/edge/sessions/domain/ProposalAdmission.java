package com.humanchat.edge.sessions.domain;

import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemType;
import com.humanchat.schemas.sessions.Money;
import java.util.Locale;
import java.util.Optional;

/**
 * A booking made from one of Sam's proposals ({@code samActionId}) is admitted only as it was proposed and only once:
 * at the host's current published price and at a time the host calendar still has free; otherwise the proposal is
 * stale and the guest is told in plain words what changed. A pure function of the facts the service gathers.
 */
public final class ProposalAdmission {

    /**
     * What the service read about the proposal.
     *
     * @param alreadyBooked the guest already has a session booked from this proposal
     * @param slotTaken the host calendar holds part of the proposed time (false for an instant session)
     */
    public record Facts(boolean alreadyBooked, boolean slotTaken) {}

    private ProposalAdmission() {}

    /**
     * Empty when the booking may go on, else the 409 that says why not.
     *
     * @param hostPrice the host's published price now, null when they set none (free)
     */
    public static Optional<ProblemException> refusal(Money asked, Money hostPrice, Facts facts) {
        if (facts.alreadyBooked()) {
            return Optional.of(ProblemType.PROPOSAL_USED.with(
                    "You already requested a session from this proposal of Sam's: see Sessions."));
        }
        Money price = hostPrice == null ? Money.of(0, asked.currency()) : hostPrice;
        if (!price.equals(asked)) {
            return Optional.of(ProblemType.STALE_PROPOSAL.with(
                    "The host's price changed since Sam proposed this session: it is now " + format(price)
                            + ". Ask Sam again for a fresh proposal."));
        }
        if (facts.slotTaken()) {
            return Optional.of(ProblemType.STALE_PROPOSAL.with(
                    "That time was taken since Sam proposed it. Ask Sam for another time with this host."));
        }
        return Optional.empty();
    }

    private static String format(Money price) {
        return price.amountCents() == 0
                ? "free"
                : String.format(
                        Locale.ROOT,
                        "%d.%02d %s",
                        price.amountCents() / 100,
                        price.amountCents() % 100,
                        price.currency().toUpperCase(Locale.ROOT));
    }
}
