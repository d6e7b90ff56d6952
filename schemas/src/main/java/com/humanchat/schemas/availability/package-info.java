/**
 * A host's bookable hours: the {@link com.humanchat.schemas.availability.Availability} they publish, the one rule
 * that turns it into free slots and decides whether an interval is bookable
 * ({@link com.humanchat.schemas.availability.SlotCalculator}, used by the session topology's host calendar and by the
 * edge's slots read), the {@code availability.set} command on {@code availability.commands} and the
 * {@code availability.updated} event on {@code availability.events} (both keyed by hostUserId).
 */
package com.humanchat.schemas.availability;
