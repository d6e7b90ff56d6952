/**
 * Who may book a session (and from which of Sam's proposals), at what price, who may accept one or signal a call in
 * it, and what cancelling one gives back: pure functions of facts (the session, the host's facts and terms, the
 * actor, the time) that the session service gathers from its read models and applies. No Vert.x, Kafka or SQL here.
 */
package com.humanchat.edge.sessions.domain;
