package com.humanchat.schemas.sam;

import java.util.List;

/** The action types Sam may propose; each has a JSON Schema under {@code schemas/sam.actions/actions/<type>.v1.json}. */
public final class SamActions {

    public static final String SHOW_HOSTS = "show_hosts";
    public static final String PROPOSE_BOOKING = "propose_booking";
    public static final String OPEN_REQUEST = "open_request";

    /** Every action type, in the order Sam's instructions list them. */
    public static final List<String> TYPES = List.of(SHOW_HOSTS, PROPOSE_BOOKING, OPEN_REQUEST);

    private SamActions() {}
}
