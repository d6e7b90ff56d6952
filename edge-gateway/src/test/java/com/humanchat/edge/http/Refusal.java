package com.humanchat.edge.http;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An admission rule's answer as its tests compare it, in one line: {@code admitted}, or the problem's status, slug,
 * the fields it names and its wording ({@code 422 unprocessable /hostUserId: no host …}).
 */
public final class Refusal {

    private Refusal() {}

    public static String of(Optional<ProblemException> refusal) {
        return refusal.map(problem -> problem.status() + " " + problem.slug()
                        + problem.errors().stream()
                                .map(error -> " " + error.field())
                                .collect(Collectors.joining())
                        + ": " + problem.getMessage())
                .orElse("admitted");
    }
}
