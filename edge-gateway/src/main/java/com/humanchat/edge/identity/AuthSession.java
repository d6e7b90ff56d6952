package com.humanchat.edge.identity;

import com.humanchat.readmodels.identity.User;

/** What a successful register, login or refresh hands the client: the account and a fresh token pair. */
public record AuthSession(User user, String accessToken, String refreshToken, long expiresInSeconds) {}
