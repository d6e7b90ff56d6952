package com.humanchat.streams.topology;

import com.humanchat.schemas.Topics;
import org.apache.kafka.streams.Topology;

/**
 * {@code requests.commands} → decide against {@code request-store} → {@code requests.events}, both keyed by
 * requestId, plus {@code conversation.create} and the first system message to {@code chat.commands} on approval
 * (application id {@code humanchat-requests}). Ids and times derive from the command and the store remembers its
 * latest answers, so processing a command again emits the same records.
 */
public final class RequestTopology {

    public static final String STORE = "request-store";
    public static final String SOURCE = "requests-commands-source";
    public static final String PROCESSOR = "request-decider";
    public static final String EVENTS_SINK = "requests-events-sink";
    public static final String CHAT_SINK = "request-chat-commands-sink";

    private RequestTopology() {}

    public static Topology build() {
        Topology topology = new Topology(StreamsSettings.namingEnforced());
        topology.addSource(
                SOURCE,
                Topics.REQUESTS_COMMANDS.keySerde().deserializer(),
                Topics.REQUESTS_COMMANDS.valueSerde().deserializer(),
                Topics.REQUESTS_COMMANDS.name());
        topology.addProcessor(PROCESSOR, RequestProcessor::new, SOURCE);
        topology.addStateStore(StateStores.persistent(STORE), PROCESSOR);
        SafetyStore.addTo(topology);
        topology.addSink(
                EVENTS_SINK,
                Topics.REQUESTS_EVENTS.name(),
                Topics.REQUESTS_EVENTS.keySerde().serializer(),
                Topics.REQUESTS_EVENTS.valueSerde().serializer(),
                PROCESSOR);
        topology.addSink(
                CHAT_SINK,
                Topics.CHAT_COMMANDS.name(),
                Topics.CHAT_COMMANDS.keySerde().serializer(),
                Topics.CHAT_COMMANDS.valueSerde().serializer(),
                PROCESSOR);
        return topology;
    }
}
