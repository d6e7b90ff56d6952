package com.humanchat.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicUrlTest {

    @Test
    void defaultsToTheEdgesPortOnThisMachine() {
        assertThat(PublicUrl.read(new EnvironmentReader(Map.of()), 9090)).isEqualTo("http://localhost:9090");
    }

    @Test
    void defaultsTo8080WhenTheEdgesPortIsChosenAtRandom() {
        assertThat(PublicUrl.read(new EnvironmentReader(Map.of()), 0)).isEqualTo("http://localhost:8080");
    }

    @Test
    void takesTheVariableWithoutItsTrailingSlash() {
        EnvironmentReader r = new EnvironmentReader(Map.of("HUMANCHAT_PUBLIC_URL", "https://chat.example.com/"));

        assertThat(PublicUrl.read(r, 8080)).isEqualTo("https://chat.example.com");
        r.throwIfInvalid();
    }

    @Test
    void reportsAnythingButAnHttpUrl() {
        EnvironmentReader r = new EnvironmentReader(Map.of("HUMANCHAT_PUBLIC_URL", "chat.example.com"));

        PublicUrl.read(r, 8080);

        assertThat(catchThrowableOfType(InvalidConfigurationException.class, r::throwIfInvalid)
                        .problems())
                .containsExactly("HUMANCHAT_PUBLIC_URL must be an http:// or https:// URL, not 'chat.example.com'");
    }
}
