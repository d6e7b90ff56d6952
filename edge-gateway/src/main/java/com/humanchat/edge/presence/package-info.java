/**
 * Presence and typing: ephemeral state in Redis (keys with a TTL refreshed by a heartbeat) and pub/sub between edge
 * replicas. Nothing here is durable, nothing touches Kafka or PostgreSQL writes, and everything degrades silently
 * while Redis is away.
 */
package com.humanchat.edge.presence;
