package com.humanchat.schemas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the platform's topics (and their dead-letter topics) if they do not exist yet; safe to run twice. */
public final class TopicProvisioner {

    /**
     * Compacted, with hourly segments so that the cleaner can drop superseded values (it never touches the active
     * segment): a snapshot every few seconds stays a few segments, not a week of history.
     */
    static final Map<String, String> LATEST_VALUE_ONLY = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.SEGMENT_MS_CONFIG,
            Long.toString(TimeUnit.HOURS.toMillis(1)));

    /** Compacted per key, with the broker's segments: only tombstones and latest values survive the cleaner. */
    static final Map<String, String> COMPACTED =
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);

    private TopicProvisioner() {}

    /**
     * @param partitions partitions of each topic; ordering is per key, so this bounds parallelism
     * @param replicationFactor 1 for a single broker, 3 in production
     */
    public static void ensureTopics(String bootstrapServers, int partitions, short replicationFactor) {
        List<NewTopic> wanted = new ArrayList<>();
        for (Topic<String, ?> topic : Topics.all()) {
            if (Topics.holdsLatestValueOnly(topic)) {
                wanted.add(new NewTopic(topic.name(), 1, replicationFactor).configs(LATEST_VALUE_ONLY));
            } else if (Topics.compacted(topic)) {
                wanted.add(new NewTopic(topic.name(), partitions, replicationFactor).configs(COMPACTED));
            } else {
                wanted.add(new NewTopic(topic.name(), partitions, replicationFactor));
            }
            wanted.add(new NewTopic(Topics.deadLetterOf(topic.name()), 1, replicationFactor));
        }
        wanted.add(new NewTopic(Topics.NOTIFICATIONS_DEAD_LETTERS, 1, replicationFactor));
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30_000))) {
            admin.createTopics(wanted).values().forEach((name, future) -> await(name, future));
            // A topic created before it was compacted (users.events of an older install) becomes compacted too.
            Map<ConfigResource, Collection<AlterConfigOp>> compaction = new HashMap<>();
            for (Topic<String, ?> topic : Topics.all()) {
                if (Topics.compacted(topic)) {
                    compaction.put(
                            new ConfigResource(ConfigResource.Type.TOPIC, topic.name()),
                            List.of(new AlterConfigOp(
                                    new ConfigEntry(
                                            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
                                    AlterConfigOp.OpType.SET)));
                }
            }
            admin.incrementalAlterConfigs(compaction)
                    .values()
                    .forEach((resource, future) -> await(resource.name(), future));
        }
    }

    private static void await(String name, KafkaFuture<?> future) {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot provision topic " + name, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning topic " + name, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out provisioning topic " + name, e);
        }
    }
}
