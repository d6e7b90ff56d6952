/**
 * The rules of two-factor sign-in: which time-based code (RFC 6238) a secret accepts at an instant and never twice,
 * and what recovery codes look like. Pure functions of the secret, the code and the clock; no Vert.x, Kafka or SQL.
 */
package com.humanchat.edge.account.domain;
