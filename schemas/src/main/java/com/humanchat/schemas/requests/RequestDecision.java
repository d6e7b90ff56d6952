package com.humanchat.schemas.requests;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a decision does: the manager (or an admin) approves or declines, the requester withdraws. */
public enum RequestDecision {
    APPROVE("approve", RequestStatus.APPROVED),
    DECLINE("decline", RequestStatus.DECLINED),
    WITHDRAW("withdraw", RequestStatus.WITHDRAWN);

    private final String wire;
    private final RequestStatus outcome;

    RequestDecision(String wire, RequestStatus outcome) {
        this.wire = wire;
        this.outcome = outcome;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** The status a pending request takes when this decision is allowed. */
    public RequestStatus outcome() {
        return outcome;
    }
}
