package com.humanchat.loadgen;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.List;

/** Client frames about a conversation, begun once per conversation so that a send only appends its own fields. */
final class ConversationFrames {

    private ConversationFrames() {}

    /** {@code {"type":"<type>","conversationId":"…","<nextField>":} per conversation, its id escaped once. */
    static List<String> prefixes(String type, List<String> conversationIds, String nextField) {
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        List<String> prefixes = new ArrayList<>(conversationIds.size());
        for (String conversationId : conversationIds) {
            prefixes.add("{\"type\":\"" + type + "\",\"conversationId\":\""
                    + new String(encoder.quoteAsString(conversationId)) + "\",\"" + nextField + "\":");
        }
        return prefixes;
    }
}
