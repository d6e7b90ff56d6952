/**
 * What every back-end deployable (domain-streams, projector, sam-worker, payments-worker) serves to operators: a small
 * HTTP server with {@code /metrics} and {@code /health/*} ({@link com.humanchat.ops.OpsHttpServer}) and the lag of its
 * Kafka consumer groups as a meter ({@link com.humanchat.ops.ConsumerGroupLag}). The edge serves the same paths from
 * its Vert.x router.
 */
package com.humanchat.ops;
