package com.humanchat.edge.sam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.PlatformHarness;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import com.humanchat.edge.chat.TestSocket;
import com.humanchat.infra.embedded.SharedTestInfra;
import com.humanchat.schemas.Json;
import com.humanchat.schemas.SystemActors;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.chat.MessageKind;
import com.humanchat.schemas.chat.SendMessage;
import com.humanchat.schemas.sam.SamRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/sam} over the whole edge path. The sam-worker is its own module (it depends on this one), so here a
 * stand-in reads {@code sam.requests} and answers as the worker does: a {@code sam} message from {@link SystemActors#SAM}
 * with {@code clientMessageId = sam:<requestId>}.
 */
class SamApiIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();

    @Test
    void asksSamInTheSamConversationAndTheAnswerArrivesAsASamMessageOnTheSocket() throws Exception {
        TestUser alice = PLATFORM.register("alice-asks-sam");

        try (TestSocket socket = PLATFORM.connect(alice)) {
            socket.awaitFrame("hello", new JsonObject().put("userId", alice.id().toString()));

            Answer asked =
                    PLATFORM.post("/api/sam", alice.token(), new JsonObject().put("message", "Who knows Postgres?"));

            assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
            UUID samConversation = UUID.fromString(asked.json().getString("conversationId"));
            // Random, not derived from the pair: nobody can compute someone's Sam conversation (issue 23, finding 5).
            assertThat(samConversation)
                    .isNotEqualTo(UUID.nameUUIDFromBytes(("direct:" + alice.id() + ":" + SystemActors.SAM)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .isNotEqualTo(UUID.nameUUIDFromBytes(("direct:" + SystemActors.SAM + ":" + alice.id())
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            UUID requestId = UUID.fromString(asked.json().getString("requestId"));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                JsonArray items = PLATFORM.get("/api/conversations/" + samConversation + "/messages", alice.token())
                        .json()
                        .getJsonArray("items");
                assertThat(items).hasSize(1);
                assertThat(items.getJsonObject(0).getString("content")).isEqualTo("Who knows Postgres?");
                assertThat(items.getJsonObject(0).getString("senderId"))
                        .isEqualTo(alice.id().toString());
            });
            JsonObject conversation = PLATFORM.get("/api/conversations/" + samConversation, alice.token())
                    .json();
            assertThat(conversation.encode()).contains("\"Sam\"");

            SamRequest request = requestOnTheTopic(requestId);
            assertThat(request.conversationId()).isEqualTo(samConversation);
            answerAsTheWorkerDoes(request, "Bob knows Postgres.");

            JsonObject frame = socket.await(
                    f -> "message.new".equals(f.getString("type"))
                            && "sam".equals(f.getJsonObject("message").getString("type")),
                    Duration.ofSeconds(20));
            JsonObject message = frame.getJsonObject("message");
            assertThat(message.getString("content")).isEqualTo("Bob knows Postgres.");
            assertThat(message.getString("senderId")).isEqualTo(SystemActors.SAM.toString());
            assertThat(message.getJsonArray("actions").getJsonObject(0).getString("type"))
                    .isEqualTo("show_hosts");
        }
    }

    @Test
    void aRetryWithTheSameClientMessageIdIsTheSameRequestAndOneMessage() {
        TestUser bob = PLATFORM.register("bob-retries-sam");
        JsonObject body = new JsonObject().put("message", "Anyone for Kafka?").put("clientMessageId", "ask-1");

        Answer first = PLATFORM.post("/api/sam", bob.token(), body);
        Answer retry = PLATFORM.post("/api/sam", bob.token(), body);

        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(202);
        assertThat(retry.json().getString("requestId")).isEqualTo(first.json().getString("requestId"));
        String conversation = first.json().getString("conversationId");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        PLATFORM.get("/api/conversations/" + conversation + "/messages", bob.token())
                                .json()
                                .getJsonArray("items"))
                .hasSize(1));
    }

    @Test
    void anotherConversationIsNotFoundAndABadBodyIsAProblem() {
        TestUser carol = PLATFORM.register("carol-sam");
        TestUser dave = PLATFORM.register("dave-sam");
        UUID theirs = PLATFORM.directConversation(carol, dave);

        Answer elsewhere = PLATFORM.post(
                "/api/sam",
                carol.token(),
                new JsonObject().put("message", "hi").put("conversationId", theirs.toString()));
        Answer empty = PLATFORM.post("/api/sam", carol.token(), new JsonObject().put("message", ""));
        Answer anonymous = PLATFORM.post("/api/sam", null, new JsonObject().put("message", "hi"));

        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(404);
        assertThat(elsewhere.contentType()).startsWith("application/problem+json");
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private static SamRequest requestOnTheTopic(UUID requestId) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedTestInfra.get().kafkaBootstrap(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "sam-api-it-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.SAM_REQUESTS.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Optional<SamRequest> request = Optional.of(Topics.SAM_REQUESTS
                                    .valueSerde()
                                    .deserializer()
                                    .deserialize(record.topic(), record.value().getBytes()))
                            .filter(r -> r.requestId().equals(requestId));
                    if (request.isPresent()) {
                        assertThat(record.key())
                                .isEqualTo(request.get().conversationId().toString());
                        return request.get();
                    }
                }
            }
        }
        throw new AssertionError("no sam.requested " + requestId + " on " + Topics.SAM_REQUESTS.name());
    }

    private static void answerAsTheWorkerDoes(SamRequest request, String reply) throws Exception {
        SendMessage answer = new SendMessage(
                UUID.randomUUID(),
                1,
                Instant.now(),
                request.conversationId(),
                SystemActors.SAM,
                "sam:" + request.requestId(),
                reply,
                MessageKind.SAM,
                List.of(Json.mapper()
                        .readTree("{\"type\":\"show_hosts\",\"hostIds\":[\"" + UUID.randomUUID() + "\"]}")));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedTestInfra.get().kafkaBootstrap()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(
                            Topics.CHAT_COMMANDS.name(),
                            request.conversationId().toString(),
                            Json.mapper()
                                    .writerFor(com.humanchat.schemas.chat.ChatCommand.class)
                                    .writeValueAsString(answer)))
                    .get();
        }
    }
}
