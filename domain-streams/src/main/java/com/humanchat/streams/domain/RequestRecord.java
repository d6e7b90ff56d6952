package com.humanchat.streams.domain;

import com.humanchat.schemas.requests.ManagedRequest;
import com.humanchat.schemas.requests.RequestEvent;
import java.util.Objects;

/** What the request topology keeps per managed request: the current snapshot and the answers to its latest commands. */
public record RequestRecord(ManagedRequest request, AnswerLog<RequestEvent> answers) {

    public RequestRecord {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(answers, "answers");
    }
}
