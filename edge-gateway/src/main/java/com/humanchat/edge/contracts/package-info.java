/** The API documents the edge serves: OpenAPI of its routes, AsyncAPI of the Kafka topics and of the WebSocket. */
package com.humanchat.edge.contracts;
