/**
 * Trust and safety at the edge: blocks and hosts' inbound policies (written with their {@code users.safety} outbox
 * record; decided in the topologies), the in-memory block list that filters presence and typing, and reports.
 */
package com.humanchat.edge.safety;
