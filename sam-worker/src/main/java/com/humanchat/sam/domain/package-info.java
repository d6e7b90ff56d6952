/**
 * Sam's pure rules, without I/O: validating proposed actions against their schemas and live facts, reading the
 * model's answer, per-conversation ordering within a bounded buffer, and which offsets may be committed.
 */
package com.humanchat.sam.domain;
