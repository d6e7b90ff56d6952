package com.humanchat.streams.topology;

import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.chat.ChatCommand;
import com.humanchat.schemas.chat.ChatEvent;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * {@code chat.commands} → decide against {@code conversation-store} → {@code chat.events}, both keyed by
 * conversationId (application id {@code humanchat-conversations}).
 *
 * <p>One store holds each conversation's state, the dedupe index and the recent messages, so its changelog restores a
 * consistent prefix after a crash; with deterministic ids and times, processing a command again emits the same event.
 *
 * <p>A stranger's new direct conversation with a host who caps new conversations per day is first re-keyed by that
 * host through the named repartition {@value #BY_HOST} to {@code host-inbound-store}, which admits it (back to
 * {@code chat.commands}, marked {@value InboundProcessor#ADMITTED_HEADER}) or refuses it with {@code inbound_limit}.
 * Blocks and inbound policies come from the global {@code safety-store} ({@code users.safety}).
 */
public final class ConversationTopology {

    public static final String STORE = "conversation-store";
    public static final String INBOUND_STORE = "host-inbound-store";
    public static final String BY_HOST = "conversations-by-host";
    public static final String SOURCE = "chat-commands-source";
    public static final String PROCESSOR = "conversation-decider";
    public static final String SINK = "chat-events-sink";

    private ConversationTopology() {}

    public static Topology build(ConversationTopologyConfig config) {
        StreamsBuilder builder = new StreamsBuilder(StreamsSettings.namingEnforced());
        builder.addStateStore(StateStores.persistent(STORE));
        builder.addStateStore(StateStores.persistent(INBOUND_STORE));
        SafetyStore.addTo(builder);

        Map<String, KStream<String, Envelope>> decided = builder.stream(
                        Topics.CHAT_COMMANDS.name(),
                        Consumed.with(Topics.CHAT_COMMANDS.keySerde(), Topics.CHAT_COMMANDS.valueSerde())
                                .withName(SOURCE))
                .process(() -> new ConversationProcessor(config), Named.as(PROCESSOR), STORE)
                .split(Named.as("conversation-outputs-"))
                .branch((key, output) -> output instanceof ChatEvent, Branched.as("events"))
                .defaultBranch(Branched.as("capped"));
        decided.get("conversation-outputs-events")
                .mapValues(output -> (ChatEvent) output, Named.as("conversation-events"))
                .to(Topics.CHAT_EVENTS.name(), eventsSink(SINK));

        Map<String, KStream<String, Envelope>> inbound = decided.get("conversation-outputs-capped")
                .mapValues(output -> (ChatCommand) output, Named.as("capped-creations"))
                .repartition(Repartitioned.<String, ChatCommand>as(BY_HOST)
                        .withKeySerde(Topics.CHAT_COMMANDS.keySerde())
                        .withValueSerde(Topics.CHAT_COMMANDS.valueSerde()))
                .process(InboundProcessor::new, Named.as("host-inbound"), INBOUND_STORE)
                .split(Named.as("inbound-outputs-"))
                .branch((key, output) -> output instanceof ChatEvent, Branched.as("refusals"))
                .defaultBranch(Branched.as("admissions"));
        inbound.get("inbound-outputs-refusals")
                .mapValues(output -> (ChatEvent) output, Named.as("inbound-refusal-events"))
                .to(Topics.CHAT_EVENTS.name(), eventsSink("inbound-refusals-sink"));
        inbound.get("inbound-outputs-admissions")
                .mapValues(output -> (ChatCommand) output, Named.as("admitted-creations"))
                .to(
                        Topics.CHAT_COMMANDS.name(),
                        Produced.with(Topics.CHAT_COMMANDS.keySerde(), Topics.CHAT_COMMANDS.valueSerde())
                                .withName("inbound-admissions-sink"));
        return builder.build();
    }

    private static Produced<String, ChatEvent> eventsSink(String name) {
        return Produced.with(Topics.CHAT_EVENTS.keySerde(), Topics.CHAT_EVENTS.valueSerde())
                .withName(name);
    }
}
