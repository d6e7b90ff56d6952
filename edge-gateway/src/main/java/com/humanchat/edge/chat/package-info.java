/**
 * Conversations and messages at the edge: REST routes, the send path (produce a command, await the topology's
 * answer on the fan-out), reads of the PostgreSQL projection, and {@link com.humanchat.edge.chat.ChatModule}, which
 * wires chat, sync and the WebSocket into an edge process.
 */
package com.humanchat.edge.chat;
