package com.humanchat.sam.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The actions that passed validation, and one plain reason per action that did not. */
public record ValidatedActions(List<JsonNode> kept, List<String> dropped) {

    public ValidatedActions {
        kept = List.copyOf(kept);
        dropped = List.copyOf(dropped);
    }
}
