package com.humanchat.streams.domain;

/** What the session topology keeps of a session's review: its rating, and whether the host has answered it. */
public record SessionReview(int rating, boolean answered) {}
