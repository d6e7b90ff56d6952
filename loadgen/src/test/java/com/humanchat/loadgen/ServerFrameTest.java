package com.humanchat.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ServerFrameTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void readsTheFramesTheLoadDependsOn() {
        assertThat(ServerFrame.parse(mapper, "{\"type\":\"hello\",\"userId\":\"u-1\"}"))
                .isEqualTo(new ServerFrame.Hello("u-1"));
        assertThat(ServerFrame.parse(mapper, "{\"type\":\"message.ack\",\"clientMessageId\":\"c-1\",\"seq\":42}"))
                .isEqualTo(new ServerFrame.Ack("c-1", 42));
        assertThat(ServerFrame.parse(
                        mapper,
                        "{\"type\":\"message.new\",\"message\":{\"id\":\"m\",\"conversationId\":\"conv\",\"seq\":7,"
                                + "\"senderId\":\"u-2\",\"clientMessageId\":\"c-2\",\"content\":\"hi\","
                                + "\"timestamp\":\"2026-11-24T10:00:00Z\",\"type\":\"text\"}}"))
                .isEqualTo(new ServerFrame.MessageNew("conv", 7, "u-2", "c-2"));
        assertThat(ServerFrame.parse(mapper, "{\"type\":\"pong\"}")).isEqualTo(new ServerFrame.Pong());
    }

    @Test
    void readsTypingAndPresenceFrames() {
        assertThat(ServerFrame.parse(
                        mapper,
                        "{\"type\":\"typing\",\"conversationId\":\"conv\",\"userId\":\"u-1\",\"isTyping\":false}"))
                .isEqualTo(new ServerFrame.Typing("conv", "u-1", false));
        assertThat(ServerFrame.parse(mapper, "{\"type\":\"typing\",\"conversationId\":\"conv\",\"userId\":\"u-1\"}"))
                .as("no isTyping: no value a send carries")
                .isEqualTo(new ServerFrame.Typing("conv", "u-1", null));
        assertThat(ServerFrame.parse(mapper, "{\"type\":\"presence\",\"userId\":\"u-2\",\"status\":\"away\"}"))
                .isEqualTo(new ServerFrame.Presence("u-2", "away"));
    }

    @Test
    void readsErrorFramesWithOrWithoutTheSendTheyRefuse() {
        assertThat(ServerFrame.parse(
                        mapper, "{\"type\":\"error\",\"code\":\"rate_limited\",\"message\":\"slow down\"}"))
                .isEqualTo(new ServerFrame.ErrorFrame("rate_limited", "slow down", null));
        assertThat(ServerFrame.parse(
                        mapper, "{\"type\":\"error\",\"code\":403,\"message\":\"no\",\"clientMessageId\":\"c-3\"}"))
                .isEqualTo(new ServerFrame.ErrorFrame("403", "no", "c-3"));
        assertThat(ServerFrame.parse(mapper, "{\"type\":\"error\"}"))
                .isEqualTo(new ServerFrame.ErrorFrame("unknown", null, null));
    }

    @Test
    void numericIdsAreReadAsText() {
        assertThat(ServerFrame.parse(mapper, "{\"type\":\"hello\",\"userId\":12}"))
                .isEqualTo(new ServerFrame.Hello("12"));
    }

    @Test
    void anythingElseIsOtherAndNeverThrows() {
        assertThat(ServerFrame.parse(mapper, "{\"type\":\"unread\",\"conversationId\":\"c\",\"unreadCount\":1}"))
                .isEqualTo(new ServerFrame.Other("unread"));
        assertThat(ServerFrame.parse(mapper, "not json")).isEqualTo(new ServerFrame.Other("unparsable"));
        assertThat(ServerFrame.parse(mapper, "[1,2]")).isEqualTo(new ServerFrame.Other("unparsable"));
        assertThat(ServerFrame.parse(mapper, "{\"no\":\"type\"}")).isEqualTo(new ServerFrame.Other("unparsable"));
    }

    @Test
    void aMessageWithoutSeqReadsAsMinusOne() {
        assertThat(ServerFrame.parse(mapper, "{\"type\":\"message.new\",\"message\":{\"conversationId\":\"c\"}}"))
                .isEqualTo(new ServerFrame.MessageNew("c", -1, null, null));
    }
}
