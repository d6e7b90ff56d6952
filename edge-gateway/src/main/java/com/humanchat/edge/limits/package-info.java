/**
 * Abuse limits of one edge replica, kept in memory: token buckets (Bucket4j) per user, per client address on the
 * unauthenticated auth routes and per WebSocket, and a cap on concurrent sockets per user. Nothing here is shared
 * between replicas, so the effective limit behind a load balancer is the per-replica limit times the replicas.
 */
package com.humanchat.edge.limits;
