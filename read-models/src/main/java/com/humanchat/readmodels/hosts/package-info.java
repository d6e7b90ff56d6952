/**
 * Hosts as the edge's admission rules and Sam's proposals see them: a would-be host's facts and offer (price,
 * donations) from {@code users}, and whether they can be paid (their Stripe Connect account as the payments worker
 * recorded it). The facts are plain records, so that domain rules take them without knowing where they come from.
 */
package com.humanchat.readmodels.hosts;
