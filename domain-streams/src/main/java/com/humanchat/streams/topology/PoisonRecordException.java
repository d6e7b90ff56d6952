package com.humanchat.streams.topology;

/**
 * A record a topology cannot process at all (no value, a key that is not its conversation, a command without the ids
 * a rejection needs); {@link DeadLetterProcessingExceptionHandler} sends it to the dead-letter topic.
 */
public final class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String reason) {
        super(reason);
    }
}
