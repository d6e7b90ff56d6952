/**
 * Liveness and readiness: the edge is ready when Kafka, PostgreSQL and the fan-out consumer are; Redis only
 * carries presence and typing, so its outage degrades the answer but never makes the edge unready.
 */
package com.humanchat.edge.health;
