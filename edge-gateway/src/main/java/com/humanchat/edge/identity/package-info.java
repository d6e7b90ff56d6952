/**
 * Identity, owned by the edge and synchronous: accounts, password credentials, rotating refresh tokens, profiles
 * ({@code PATCH /api/me/profile}), host discovery ({@code GET /api/discover}) and the transactional outbox through
 * which identity changes reach {@code users.events}. {@link com.humanchat.readmodels.identity.User} (in `read-models`, shared with the Sam worker), {@link
 * com.humanchat.edge.identity.ProfileChanges} and {@link com.humanchat.edge.identity.RoleGrants} are pure; the stores
 * talk to PostgreSQL through the reactive client.
 */
package com.humanchat.edge.identity;
