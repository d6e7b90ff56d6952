package com.humanchat.loadgen;

import java.util.UUID;

/**
 * A run's {@code clientMessageId}s: UUIDs in the version-4 layout whose high bits are unique to the run and
 * whose low bits are the send index, so generating one costs no randomness and never collides within a run.
 */
final class ClientMessageIds {

    private static final long VERSION_MASK = 0xFFFFFFFFFFFF0FFFL;
    private static final long VERSION_4 = 0x0000000000004000L;
    private static final long VARIANT_MASK = 0x3FFFFFFFFFFFFFFFL;
    private static final long VARIANT_RFC4122 = 0x8000000000000000L;

    private final long runBits;

    ClientMessageIds(long runBits) {
        this.runBits = (runBits & VERSION_MASK) | VERSION_4;
    }

    String of(long sendIndex) {
        if (sendIndex < 0) {
            throw new IllegalArgumentException("send index must be >= 0, got " + sendIndex);
        }
        return new UUID(runBits, (sendIndex & VARIANT_MASK) | VARIANT_RFC4122).toString();
    }
}
