/**
 * Who the caller is: access tokens (HS256 JWT), opaque rotating refresh tokens, Argon2id password hashing off the
 * event loop, the bearer-token handler, and the {@code /api/auth} routes.
 */
package com.humanchat.edge.auth;
