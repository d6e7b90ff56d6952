/**
 * {@code /ws}: authenticated sockets, the registry of sockets per user, the fan-out of Kafka events to them, and the
 * catch-up of a reconnecting socket before live frames.
 */
package com.humanchat.edge.ws;
