/** The bounded, ordered consumer of {@code sam.requests} and the producer of replies and dead letters. */
package com.humanchat.sam.kafka;
