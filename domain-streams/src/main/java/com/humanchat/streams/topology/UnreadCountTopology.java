package com.humanchat.streams.topology;

import com.humanchat.schemas.JsonSerde;
import com.humanchat.schemas.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * {@code chat.events} → per-conversation ledger ({@code unread-conversation-store}) → re-keyed by userId through the
 * named repartition {@code unread-by-user} → per-user counts and totals ({@code unread-user-store}) →
 * {@code chat.unread} (application id {@code humanchat-unread}). Values are absolute: a duplicate changes nothing.
 */
public final class UnreadCountTopology {

    public static final String CONVERSATION_STORE = "unread-conversation-store";
    public static final String USER_STORE = "unread-user-store";
    public static final String REPARTITION = "unread-by-user";

    static final Serde<ConversationUnread> CONVERSATION_UNREAD_SERDE = JsonSerde.of(ConversationUnread.class);

    private UnreadCountTopology() {}

    public static Topology build(UnreadTopologyConfig config) {
        StreamsBuilder builder = new StreamsBuilder(StreamsSettings.namingEnforced());
        builder.addStateStore(StateStores.persistent(CONVERSATION_STORE));
        builder.addStateStore(StateStores.persistent(USER_STORE));

        Repartitioned<String, ConversationUnread> byUser = Repartitioned.<String, ConversationUnread>as(REPARTITION)
                .withKeySerde(Serdes.String())
                .withValueSerde(CONVERSATION_UNREAD_SERDE);
        if (config.repartitionPartitions().isPresent()) {
            byUser =
                    byUser.withNumberOfPartitions(config.repartitionPartitions().getAsInt());
        }

        builder.stream(
                        Topics.CHAT_EVENTS.name(),
                        Consumed.with(Topics.CHAT_EVENTS.keySerde(), Topics.CHAT_EVENTS.valueSerde())
                                .withName("chat-events-source"))
                .process(ConversationUnreadProcessor::new, Named.as("unread-per-conversation"), CONVERSATION_STORE)
                .repartition(byUser)
                .process(UserUnreadProcessor::new, Named.as("unread-per-user"), USER_STORE)
                .to(
                        Topics.CHAT_UNREAD.name(),
                        Produced.with(Topics.CHAT_UNREAD.keySerde(), Topics.CHAT_UNREAD.valueSerde())
                                .withName("chat-unread-sink"));
        return builder.build();
    }
}
