/**
 * The sam-worker deployable: {@link com.humanchat.sam.SamWorkerMain} runs a {@link com.humanchat.sam.SamWorker} that
 * answers {@code sam.requests} with {@code sam} messages and {@code sam.replied}, and serves {@code /metrics} and
 * {@code /health/*}.
 */
package com.humanchat.sam;
