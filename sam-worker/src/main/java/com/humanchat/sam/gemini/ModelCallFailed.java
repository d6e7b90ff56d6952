package com.humanchat.sam.gemini;

import java.io.IOException;
import java.time.Duration;

/**
 * One model call that failed: its HTTP status (0 when no response came: timeout, connection) and the server's
 * {@code Retry-After}, if any. Retryable: 408, 429, 5xx and no response at all.
 */
public final class ModelCallFailed extends RuntimeException {

    private final int status;
    private final transient Duration retryAfter;

    public ModelCallFailed(int status, Duration retryAfter, Throwable cause) {
        super("model call failed" + (status == 0 ? "" : " with HTTP " + status) + ": " + cause, cause);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The wait the server asked for, null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean retryable() {
        if (status == 0) {
            return hasIoCause(getCause());
        }
        return status == 408 || status == 429 || status >= 500;
    }

    private static boolean hasIoCause(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
