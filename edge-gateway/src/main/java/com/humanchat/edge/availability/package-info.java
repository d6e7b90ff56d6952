/**
 * A host's availability and the free slots it gives: {@code GET/PUT /api/me/availability} (the host's own; the change
 * travels as {@code availability.set} through the session topology's host calendar and is read back from its
 * projection) and {@code GET /api/hosts/:id/slots} (the same {@code SlotCalculator} the calendar books by, over the
 * projected availability and held sessions).
 */
package com.humanchat.edge.availability;
