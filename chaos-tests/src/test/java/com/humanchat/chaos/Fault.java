package com.humanchat.chaos;

import java.util.List;

/**
 * One fault of the schedule: what was done to which process, when (driver milliseconds), and when the replacement was
 * started; for an edge, the users whose socket was on it.
 */
record Fault(String kind, String target, long at, long replacedAt, List<ChatDriver.User> usersOnTarget) {

    static final String STREAMS_KILLED = "kill -9 Streams JVM, start a new one";
    static final String BROKER_RESTARTED = "kill -9 broker, start it on the same port and log dir";
    static final String PROJECTOR_KILLED = "kill -9 projector, start a new one";
    static final String EDGE_KILLED = "kill -9 edge replica";
    static final String EDGE_RESTARTED = "start the killed edge replica again";
}
