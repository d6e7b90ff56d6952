/**
 * The pure rules of conversations and unread counts: what a command decides, how sequence numbers, dedupe and read
 * positions move, and the unread arithmetic. Nothing here imports Kafka or does I/O, so every rule is tested with
 * plain JUnit; the topologies only load state, call these rules and store what they return.
 */
package com.humanchat.streams.domain;
