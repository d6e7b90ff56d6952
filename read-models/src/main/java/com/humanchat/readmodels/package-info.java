/**
 * The reads the edge and the Sam worker share, so that the worker does not depend on the edge: users and hosts from
 * the edge's PostgreSQL tables ({@link com.humanchat.readmodels.identity.UserStore},
 * {@link com.humanchat.readmodels.identity.HostDirectory}) and a user's effective presence from Redis
 * ({@link com.humanchat.readmodels.presence.PresenceReader}). All of it is non-blocking (Vert.x clients).
 */
package com.humanchat.readmodels;
