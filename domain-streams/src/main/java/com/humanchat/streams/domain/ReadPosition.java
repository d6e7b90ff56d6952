package com.humanchat.streams.domain;

import java.util.UUID;

/**
 * How far a member has read, and which {@code conversation.read} command last advanced it (with the position it
 * advanced to), so that the same command processed again after a crash re-emits the same event.
 *
 * @param lastReadSeq the member's read position; moved by reads and by the member's own messages
 * @param readCommandId the read command that last advanced the position, null if none did
 * @param readCommandSeq the position that command advanced to
 */
public record ReadPosition(long lastReadSeq, UUID readCommandId, long readCommandSeq) {

    public static final ReadPosition START = new ReadPosition(0, null, 0);

    public ReadPosition {
        if (lastReadSeq < 0 || readCommandSeq < 0) {
            throw new IllegalArgumentException("read positions are never negative");
        }
    }

    ReadPosition movedByOwnMessage(long seq) {
        return seq <= lastReadSeq ? this : new ReadPosition(seq, readCommandId, readCommandSeq);
    }

    ReadPosition advancedByRead(long seq, UUID commandId) {
        return new ReadPosition(Math.max(seq, lastReadSeq), commandId, seq);
    }
}
