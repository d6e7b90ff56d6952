package com.humanchat.edge.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefreshTokensTest {

    @Test
    void tokensAre32RandomBytesInBase64UrlWithoutPadding() {
        String token = RefreshTokens.generate();

        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(RefreshTokens.generate());
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void theStoredFormIsTheSha256OfTheToken() throws Exception {
        String token = RefreshTokens.generate();

        assertThat(RefreshTokens.hash(token))
                .hasSize(32)
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(token.getBytes(StandardCharsets.UTF_8));
    }
}
