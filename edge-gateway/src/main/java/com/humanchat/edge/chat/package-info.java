/**
 * Conversations and messages at the edge: REST routes, the send path (produce a command, await the topology's
 * answer on the fan-out) and reads of the PostgreSQL projection. {@link com.humanchat.edge.ChatModule}, in the edge's
 * top package, wires chat, sync, sessions, payments and the WebSocket into an edge process.
 */
package com.humanchat.edge.chat;
