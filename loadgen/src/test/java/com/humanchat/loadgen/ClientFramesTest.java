package com.humanchat.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ClientFramesTest {

    private static final String CONVERSATION = "0b9f5c1e-2a6d-4c1b-9a53-3f1d2e4c5b6a";

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void buildsTheFramesOfTheWebSocketContract() throws Exception {
        JsonNode send = mapper.readTree(ClientFrames.messageSendPrefix(CONVERSATION) + "c-1\",\"content\":\"hi\"}");
        assertThat(send.get("type").asText()).isEqualTo("message.send");
        assertThat(send.get("conversationId").asText()).isEqualTo(CONVERSATION);
        assertThat(send.get("clientMessageId").asText()).isEqualTo("c-1");

        JsonNode typing = mapper.readTree(ClientFrames.typingPrefix(CONVERSATION) + "true}");
        assertThat(typing.get("type").asText()).isEqualTo("typing");
        assertThat(typing.get("conversationId").asText()).isEqualTo(CONVERSATION);
        assertThat(typing.get("isTyping").asBoolean()).isTrue();

        JsonNode read = mapper.readTree(ClientFrames.readPrefix(CONVERSATION) + "42}");
        assertThat(read.get("type").asText()).isEqualTo("read");
        assertThat(read.get("conversationId").asText()).isEqualTo(CONVERSATION);
        assertThat(read.get("seq").isIntegralNumber()).isTrue();
        assertThat(read.get("seq").asLong()).isEqualTo(42);
        assertThat(read.size()).isEqualTo(3);
    }

    @Test
    void escapesTheConversationId() throws Exception {
        JsonNode read = mapper.readTree(ClientFrames.readPrefix("a\"b\\c") + "1}");

        assertThat(read.get("conversationId").asText()).isEqualTo("a\"b\\c");
    }
}
