/**
 * The pure rules of conversations, unread counts, sessions and managed requests: what a command decides, how sequence
 * numbers, dedupe and read positions move, the unread arithmetic, the session and request state machines, a host's
 * calendar of booked slots, and the system messages sessions and requests write into conversations. Nothing here
 * imports Kafka or does I/O, so every rule is tested with plain JUnit; the topologies only load state, call these rules
 * and store what they return.
 */
package com.humanchat.streams.domain;
