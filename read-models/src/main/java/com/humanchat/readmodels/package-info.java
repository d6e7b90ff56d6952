/**
 * The reads the edge and the Sam worker share, so that the worker does not depend on the edge: users and hosts from
 * the edge's PostgreSQL tables ({@link com.humanchat.readmodels.identity.UserReads},
 * {@link com.humanchat.readmodels.identity.HostDirectory}), a would-be host's facts and whether they can be paid
 * ({@link com.humanchat.readmodels.hosts.HostReadModel}) and a user's effective presence from Redis
 * ({@link com.humanchat.readmodels.presence.PresenceReader}). All of it is non-blocking (Vert.x clients). {@link Rows}
 * turns a query's rows into a read model's answer, for these and for the edge's own read models.
 */
package com.humanchat.readmodels;
