package com.humanchat.streams.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The events the latest commands about one session or request were answered with, so that a command processed again
 * (a redelivery after a crash) gets the same answer rather than being decided against the state it already changed.
 * Bounded: the oldest answers go once {@link #CAPACITY} are kept, far more than one commit interval redelivers.
 */
public record AnswerLog<E>(List<AnswerLog.Answer<E>> answers) {

    public static final int CAPACITY = 32;

    /** The events {@code commandId} was answered with, in emission order. */
    public record Answer<E>(UUID commandId, List<E> events) {
        public Answer {
            events = List.copyOf(events);
        }
    }

    public AnswerLog {
        answers = List.copyOf(answers);
    }

    public static <E> AnswerLog<E> empty() {
        return new AnswerLog<>(List.of());
    }

    public Optional<List<E>> answerTo(UUID commandId) {
        return answers.stream()
                .filter(answer -> answer.commandId().equals(commandId))
                .map(Answer::events)
                .findFirst();
    }

    /** This log with {@code commandId}'s answer added, the oldest answer dropped when full. */
    public AnswerLog<E> with(UUID commandId, List<E> events) {
        List<Answer<E>> kept = new ArrayList<>(answers);
        kept.add(new Answer<>(commandId, events));
        while (kept.size() > CAPACITY) {
            kept.removeFirst();
        }
        return new AnswerLog<>(kept);
    }
}
