/**
 * Abuse limits of the edge: token buckets (Bucket4j) per user and per WebSocket, and a cap on concurrent sockets per
 * user, kept in memory per replica (the effective limit behind a load balancer is the per-replica limit times the
 * replicas); the sign-in limits that protect accounts — attempts per client address ({@link
 * com.humanchat.edge.limits.SharedTokenBucket}) and the per-account lockout ({@link
 * com.humanchat.edge.limits.SignInLockout}) — counted in Redis, shared by every replica. The client address is read
 * through {@link com.humanchat.edge.config.TrustedProxies}.
 */
package com.humanchat.edge.limits;
