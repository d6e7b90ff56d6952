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
}
