/**
 * The Kafka Streams topologies as pure builders ({@code build(config)} creates no client and does no I/O): the
 * conversation topology deciding chat commands and the unread topology counting unread messages, their stores, their
 * Streams settings and the handler that sends poison records to dead-letter topics.
 */
package com.humanchat.streams.topology;
