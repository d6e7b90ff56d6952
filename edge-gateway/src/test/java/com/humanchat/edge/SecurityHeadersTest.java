package com.humanchat.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void connectsOnlyToThePagesOwnOriginAndTheConfiguredOnes() {
        SecurityHeaders headers = new SecurityHeaders(List.of("https://app.example.com", "http://localhost:5173"));

        assertThat(headers.contentSecurityPolicy("chat.example.com"))
                .contains("connect-src 'self' ws://chat.example.com wss://chat.example.com https://app.example.com"
                        + " wss://app.example.com http://localhost:5173 ws://localhost:5173;")
                .doesNotContain(" ws: ")
                .doesNotContain(" wss:;");
    }

    @Test
    void leavesOutAHostThatIsNotAPlainAuthority() {
        SecurityHeaders headers = new SecurityHeaders(List.of());

        assertThat(headers.contentSecurityPolicy("evil.example.com; connect-src *"))
                .contains("connect-src 'self';")
                .doesNotContain("evil");
        assertThat(headers.contentSecurityPolicy(null)).contains("connect-src 'self';");
    }
}
