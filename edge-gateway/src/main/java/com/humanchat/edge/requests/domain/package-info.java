/**
 * Who may ask a managed host's representative for an introduction, and who may read a request: pure functions of
 * facts the request service gathers from its read models. No Vert.x, Kafka or SQL here.
 */
package com.humanchat.edge.requests.domain;
