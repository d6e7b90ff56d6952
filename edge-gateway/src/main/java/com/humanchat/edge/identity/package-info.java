/**
 * Identity, owned by the edge and synchronous: accounts, password credentials, rotating refresh tokens and the
 * transactional outbox through which identity changes reach {@code users.events}. {@link
 * com.humanchat.edge.identity.User} and {@link com.humanchat.edge.identity.RoleGrants} are pure; the stores talk
 * to PostgreSQL through the reactive client.
 */
package com.humanchat.edge.identity;
