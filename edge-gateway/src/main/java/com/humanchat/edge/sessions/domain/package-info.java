/**
 * Who may book a session, at what price, and what cancelling one gives back: pure functions of facts (the session,
 * the host's terms, the actor, the time) that the session service gathers from its read models and applies. No
 * Vert.x, Kafka or SQL here.
 */
package com.humanchat.edge.sessions.domain;
