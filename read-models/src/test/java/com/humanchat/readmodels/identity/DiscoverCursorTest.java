package com.humanchat.readmodels.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DiscoverCursorTest {

    @Test
    void roundTripsARankExactly() {
        DiscoverCursor cursor = DiscoverCursor.byRank(0.06079271f, UUID.randomUUID());

        DiscoverCursor decoded = DiscoverCursor.decode(cursor.encode());

        assertThat(decoded).isEqualTo(cursor);
        assertThat(decoded.ranked()).isTrue();
        assertThat(Float.floatToIntBits(decoded.rank())).isEqualTo(Float.floatToIntBits(0.06079271f));
    }

    @Test
    void roundTripsANameWithAnyCharacters() {
        DiscoverCursor cursor = DiscoverCursor.byName("Zoë \"quoted\" | 名前", UUID.randomUUID());

        assertThat(DiscoverCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).doesNotContain("=", "+", "/");
    }

    @Test
    void roundTripsARatingPositionExactly() {
        DiscoverCursor cursor = DiscoverCursor.byRating(13.0 / 3, 3, UUID.randomUUID());

        DiscoverCursor decoded = DiscoverCursor.decode(cursor.encode());

        assertThat(decoded).isEqualTo(cursor);
        assertThat(decoded.kind()).isEqualTo(DiscoverCursor.Kind.RATING);
        assertThat(decoded.ranked()).isFalse();
        assertThat(DiscoverCursor.byName("Ann", UUID.randomUUID()).kind()).isEqualTo(DiscoverCursor.Kind.NAME);
    }

    @Test
    void refusesTokensItDidNotIssue() {
        for (String json : new String[] {
            "{}",
            "[]",
            "{\"v\":2,\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"a\"}",
            "{\"v\":1,\"id\":\"nope\",\"name\":\"a\"}",
            "{\"v\":1,\"id\":\"" + UUID.randomUUID() + "\"}",
            "{\"v\":1,\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"a\",\"rank\":\"1\"}",
            "{\"v\":1,\"id\":\"" + UUID.randomUUID() + "\",\"rank\":\"NaN\"}",
            "{\"v\":1,\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"a\\u0000b\"}",
            "{\"v\":1,\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"a\",\"rating\":\"4.0\",\"ratings\":1}",
            "{\"v\":1,\"id\":\"" + UUID.randomUUID() + "\",\"rating\":\"4.0\"}",
            "{\"v\":1,\"id\":\"" + UUID.randomUUID() + "\",\"rating\":\"6.0\",\"ratings\":1}",
            "{\"v\":1,\"id\":\"" + UUID.randomUUID() + "\",\"rating\":\"4.0\",\"ratings\":-1}"
        }) {
            String token = Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> DiscoverCursor.decode(token))
                    .as(json)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> DiscoverCursor.decode("%%%")).isInstanceOf(IllegalArgumentException.class);
    }
}
