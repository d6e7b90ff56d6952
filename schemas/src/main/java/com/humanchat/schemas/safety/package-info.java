/**
 * The {@code users.safety} family: who blocked whom and each host's inbound policy, published through the edge's
 * transactional outbox and read by the topologies that decide what a blocked user or a stranger may do.
 */
package com.humanchat.schemas.safety;
