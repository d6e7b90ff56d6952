/**
 * {@code POST /api/sam}: the user's words go into their Sam conversation as a normal message, then to
 * {@code sam.requests} for the sam-worker, whose answer comes back as a {@code sam} message on the socket.
 */
package com.humanchat.edge.sam;
