package com.humanchat.sam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.humanchat.readmodels.presence.PresenceChannel;
import com.humanchat.schemas.Json;
import com.humanchat.schemas.SystemActors;
import com.humanchat.schemas.sam.SamRequested;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.ResponseType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real SDK against a local Gemini-shaped server answering in each recorded shape, end to end through Kafka, the
 * topologies and the projector: the stored {@code sam} message is exactly what {@link AnswerShapes} says, with
 * validated actions for every shape that holds usable ones; and Sam types in the conversation while it works.
 */
class SamAnswerShapesIT {

    private static final Duration ANSWERED = Duration.ofSeconds(60);

    @Test
    void everyRecordedShapeEndsAsTheExpectedMessageWithItsValidatedActions() throws Exception {
        SamTestPlatform platform = SamTestPlatform.get();
        UUID paula = platform.insertPostgresHost("Paula Shapes", "pg");
        Instant start = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Instant taken = Instant.now().plus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        platform.holdSession(paula, taken, 30, "confirmed");
        UUID conversation = platform.projectedSamConversation("shaun");
        UUID shaun = platform.userOf(conversation);
        Map<String, AnswerShapes.Shape> byQuestion = new HashMap<>();
        AnswerShapes.ALL.forEach(shape -> byQuestion.put(shape.file(), shape));

        try (FakeGemini gemini = new FakeGemini(request -> FakeGemini.Reply.recorded(
                        byQuestion.get(FakeGemini.question(request)).body(paula, start, taken)));
                SamWorker worker = SamWorker.start(
                        platform.config("test-key", gemini.baseUrl(), 4, 2), new SimpleMeterRegistry())) {
            Map<String, AnswerShapes.Shape> byReply = new HashMap<>();
            for (AnswerShapes.Shape shape : AnswerShapes.ALL) {
                SamRequested request = platform.ask(conversation, shaun, shape.file());
                byReply.put(request.replyClientMessageId(), shape);
            }

            await().atMost(ANSWERED)
                    .until(() -> platform.samMessages(conversation).size() == AnswerShapes.ALL.size());

            int usable = 0;
            for (String[] message : platform.samMessages(conversation)) {
                AnswerShapes.Shape shape = byReply.get(message[0]);
                JsonNode actions = Json.mapper().readTree(message[2]);
                assertThat(message[1]).as(shape.file()).isEqualTo(shape.content());
                assertThat(actions)
                        .as(shape.file())
                        .extracting(action -> action.path("type").asText())
                        .containsExactlyElementsOf(shape.actionTypes());
                for (JsonNode action : actions) {
                    assertThat(action.path("actionId").asText()).isNotBlank();
                    if (action.path("type").asText().equals("propose_booking")) {
                        assertThat(action.path("agreedPrice")
                                        .path("amountCents")
                                        .asLong())
                                .isEqualTo(4000);
                        assertThat(Instant.parse(action.path("startTime").asText()))
                                .isEqualTo(start);
                    }
                }
                usable += shape.hasActions() && !actions.isEmpty() ? 1 : 0;
            }
            assertThat(usable)
                    .as("every shape that holds usable actions yields them")
                    .isEqualTo((int) AnswerShapes.ALL.stream()
                            .filter(AnswerShapes.Shape::hasActions)
                            .count());
        }
    }

    @Test
    void samTypesInTheConversationFromTheRequestUntilTheAnswerIsIn() throws Exception {
        SamTestPlatform platform = SamTestPlatform.get();
        UUID conversation = platform.projectedSamConversation("tina");
        Vertx vertx = Vertx.vertx();
        ConcurrentLinkedQueue<Instant> typing = new ConcurrentLinkedQueue<>();
        String expected = PresenceChannel.typing(conversation, SystemActors.SAM, true);
        RedisConnection subscriber = Redis.createClient(vertx, platform.redisUrl())
                .connect()
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        subscriber.handler(push -> {
            if (push.type() == ResponseType.PUSH
                    && push.size() == 3
                    && expected.equals(push.get(2).toString())) {
                typing.add(Instant.now());
            }
        });
        subscriber
                .send(Request.cmd(Command.SUBSCRIBE).arg(PresenceChannel.NAME))
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        try (FakeGemini gemini = new FakeGemini(request ->
                        FakeGemini.Reply.text("Thinking done: hello!").after(SamTyping.REPEAT.toMillis() * 2));
                SamWorker worker =
                        SamWorker.start(platform.config("k", gemini.baseUrl(), 2, 1), new SimpleMeterRegistry())) {
            platform.ask(conversation, platform.userOf(conversation), "hello?");

            await().atMost(ANSWERED).until(() -> !typing.isEmpty());
            assertThat(platform.samMessages(conversation))
                    .as("typing starts before the answer")
                    .isEmpty();
            await().atMost(ANSWERED)
                    .until(() -> platform.samMessages(conversation).size() == 1);
            assertThat(typing.size())
                    .as("repeated while the model thinks, so that clients keep showing it")
                    .isGreaterThanOrEqualTo(2);
            int whenAnswered = typing.size();
            await().during(SamTyping.REPEAT.multipliedBy(2))
                    .atMost(SamTyping.REPEAT.multipliedBy(3))
                    .until(() -> typing.size() <= whenAnswered + 1);
        } finally {
            subscriber.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
