package com.humanchat.streams.domain;

import java.util.List;
import java.util.Optional;

/**
 * What a session or request decider answered a command with: the events to emit, in order, and the state to store
 * (empty when nothing is to be stored, e.g. a command about an entity that does not exist).
 */
public record Verdict<S, E>(List<E> events, Optional<S> state) {

    public Verdict {
        events = List.copyOf(events);
    }

    public static <S, E> Verdict<S, E> of(List<E> events, S state) {
        return new Verdict<>(events, Optional.of(state));
    }

    public static <S, E> Verdict<S, E> statelessly(E event) {
        return new Verdict<>(List.of(event), Optional.empty());
    }
}
