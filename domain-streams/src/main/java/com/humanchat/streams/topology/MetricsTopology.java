package com.humanchat.streams.topology;

import com.humanchat.schemas.JsonSerde;
import com.humanchat.schemas.Topic;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.admin.MetricsSnapshot;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * {@code chat.events}, {@code sessions.events}, {@code requests.events}, {@code sam.requests}, {@code sam.actions} and
 * {@code payments.events} → the facts that move a figure, re-keyed to {@value MetricsSnapshot#KEY} through the
 * one-partition repartition {@value #FACTS} → {@value #STORE} (one task holds every figure) → every interval (wall
 * clock) a {@link MetricsSnapshot} to {@code admin.metrics} (application id {@code humanchat-metrics}). Figures are
 * computed from what the store holds, never by asking a database; see {@link MetricsProcessor} for what is kept and
 * why a re-delivered event counts once.
 */
public final class MetricsTopology {

    public static final String STORE = "metrics-store";
    public static final String FACTS = "metrics-facts";

    static final Serde<MetricsFact> FACT_SERDE = JsonSerde.of(MetricsFact.class);

    private MetricsTopology() {}

    public static Topology build(MetricsTopologyConfig config) {
        StreamsBuilder builder = new StreamsBuilder(StreamsSettings.namingEnforced());
        builder.addStateStore(StateStores.persistent(STORE));

        KStream<String, MetricsFact> facts = facts(builder, Topics.CHAT_EVENTS, "chat", MetricsFact::of)
                .merge(
                        facts(builder, Topics.SESSIONS_EVENTS, "sessions", MetricsFact::of),
                        Named.as("metrics-merge-sessions"))
                .merge(
                        facts(builder, Topics.REQUESTS_EVENTS, "requests", MetricsFact::of),
                        Named.as("metrics-merge-requests"))
                .merge(
                        facts(builder, Topics.SAM_REQUESTS, "sam-requests", MetricsFact::of),
                        Named.as("metrics-merge-sam-requests"))
                .merge(
                        facts(builder, Topics.SAM_ACTIONS, "sam-actions", MetricsFact::of),
                        Named.as("metrics-merge-sam-actions"))
                .merge(
                        facts(builder, Topics.PAYMENTS_EVENTS, "payments", MetricsFact::of),
                        Named.as("metrics-merge-payments"));

        facts.repartition(Repartitioned.<String, MetricsFact>as(FACTS)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(FACT_SERDE)
                        .withNumberOfPartitions(1))
                .process(() -> new MetricsProcessor(config), Named.as("metrics-aggregate"), STORE)
                .to(
                        Topics.ADMIN_METRICS.name(),
                        Produced.with(Topics.ADMIN_METRICS.keySerde(), Topics.ADMIN_METRICS.valueSerde())
                                .withName("admin-metrics-sink"));
        return builder.build();
    }

    /** The facts of one input topic, each keyed {@value MetricsSnapshot#KEY}. */
    private static <V> KStream<String, MetricsFact> facts(
            StreamsBuilder builder, Topic<String, V> topic, String name, Function<V, List<MetricsFact>> toFacts) {
        return builder.stream(
                        topic.name(),
                        Consumed.with(topic.keySerde(), topic.valueSerde()).withName("metrics-" + name + "-source"))
                .flatMap(
                        (key, value) ->
                                value == null ? List.<KeyValue<String, MetricsFact>>of() : keyed(toFacts.apply(value)),
                        Named.as("metrics-" + name + "-facts"));
    }

    private static List<KeyValue<String, MetricsFact>> keyed(List<MetricsFact> facts) {
        return facts.stream()
                .map(fact -> KeyValue.pair(MetricsSnapshot.KEY, fact))
                .toList();
    }
}
