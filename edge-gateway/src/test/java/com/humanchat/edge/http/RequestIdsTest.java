package com.humanchat.edge.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void keepsAWellFormedId() {
        assertThat(RequestIds.accept("abc-123_x.y:z")).isEqualTo("abc-123_x.y:z");
    }

    @Test
    void replacesMissingOversizedOrUnsafeIds() {
        assertThat(RequestIds.accept(null)).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.accept("")).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.accept("a".repeat(129))).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.accept("id\r\nX-Evil: 1")).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.accept("<script>")).matches("[0-9a-f-]{36}");
    }

    @Test
    void takesTheTraceIdOfAValidTraceparent() {
        assertThat(RequestIds.traceIdOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void startsANewTraceForAMissingOrInvalidTraceparent() {
        String zeros = "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01";
        for (String invalid : new String[] {
            null,
            "",
            "garbage",
            zeros,
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-4bf92f35\r\n-00f067aa0ba902b7-01"
        }) {
            assertThat(RequestIds.traceIdOf(invalid))
                    .as(invalid)
                    .matches("[0-9a-f]{32}")
                    .isNotEqualTo("0".repeat(32));
        }
        assertThat(RequestIds.traceIdOf(null)).isNotEqualTo(RequestIds.traceIdOf(null));
    }
}
