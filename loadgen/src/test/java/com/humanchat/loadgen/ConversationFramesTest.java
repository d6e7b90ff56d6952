package com.humanchat.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationFramesTest {

    @Test
    void aPrefixCompletedWithItsValueIsTheFrameWithTheConversationIdEscaped() throws Exception {
        List<String> prefixes = ConversationFrames.prefixes("typing", List.of("c-1", "odd\"id"), "isTyping");

        JsonNode frame = new ObjectMapper().readTree(prefixes.get(1) + "true}");

        assertThat(prefixes).hasSize(2);
        assertThat(frame.get("type").asText()).isEqualTo("typing");
        assertThat(frame.get("conversationId").asText()).isEqualTo("odd\"id");
        assertThat(frame.get("isTyping").asBoolean()).isTrue();
    }
}
