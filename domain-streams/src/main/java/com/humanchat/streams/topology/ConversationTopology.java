package com.humanchat.streams.topology;

import com.humanchat.schemas.Topics;
import org.apache.kafka.streams.Topology;

/**
 * {@code chat.commands} → decide against {@code conversation-store} → {@code chat.events}, both keyed by
 * conversationId (application id {@code humanchat-conversations}).
 *
 * <p>One store holds each conversation's state, the dedupe index and the recent messages, so its changelog restores a
 * consistent prefix after a crash; with deterministic ids and times, processing a command again emits the same event.
 */
public final class ConversationTopology {

    public static final String STORE = "conversation-store";
    public static final String SOURCE = "chat-commands-source";
    public static final String PROCESSOR = "conversation-decider";
    public static final String SINK = "chat-events-sink";

    private ConversationTopology() {}

    public static Topology build(ConversationTopologyConfig config) {
        Topology topology = new Topology(StreamsSettings.namingEnforced());
        topology.addSource(
                SOURCE,
                Topics.CHAT_COMMANDS.keySerde().deserializer(),
                Topics.CHAT_COMMANDS.valueSerde().deserializer(),
                Topics.CHAT_COMMANDS.name());
        topology.addProcessor(PROCESSOR, () -> new ConversationProcessor(config), SOURCE);
        topology.addStateStore(StateStores.persistent(STORE), PROCESSOR);
        SafetyStore.addTo(topology);
        topology.addSink(
                SINK,
                Topics.CHAT_EVENTS.name(),
                Topics.CHAT_EVENTS.keySerde().serializer(),
                Topics.CHAT_EVENTS.valueSerde().serializer(),
                PROCESSOR);
        return topology;
    }
}
