package com.humanchat.edge.identity;

/** A validated registration request; {@code role} is {@code null}, "user" or "host". */
public record Registration(String email, String password, String displayName, String role) {}
