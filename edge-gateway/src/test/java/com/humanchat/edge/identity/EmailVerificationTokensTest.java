package com.humanchat.edge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmailVerificationTokensTest {

    private static final String SECRET = "a-signing-secret-of-at-least-32-bytes";
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final UUID USER = UUID.randomUUID();

    private final EmailVerificationTokens tokens =
            new EmailVerificationTokens(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTokenIsSignedForItsAccountAndAddressWhateverTheCase() {
        String token = tokens.issue(USER, "Ada@Example.com");

        EmailVerificationTokens.Claim claim = tokens.parse(token).orElseThrow();

        assertThat(claim.userId()).isEqualTo(USER);
        assertThat(claim.expiresAt()).isEqualTo(NOW.plus(EmailVerificationTokens.TTL));
        assertThat(tokens.signedFor(claim, "ada@example.com")).isTrue();
        assertThat(tokens.signedFor(claim, "eve@example.com"))
                .as("bound to the address")
                .isFalse();
    }

    @Test
    void anExpiredTokenIsNoToken() {
        String token = tokens.issue(USER, "ada@example.com");
        EmailVerificationTokens later = new EmailVerificationTokens(
                SECRET, Clock.fixed(NOW.plus(EmailVerificationTokens.TTL).plusSeconds(1), ZoneOffset.UTC));

        assertThat(later.parse(token)).isEmpty();
    }

    @Test
    void anotherKeyOrAnAlteredPartDoesNotVerify() {
        String token = tokens.issue(USER, "ada@example.com");
        String[] parts = token.split("\\.");
        EmailVerificationTokens otherKey =
                new EmailVerificationTokens("another-secret-of-at-least-32-bytes!", Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(otherKey.signedFor(otherKey.parse(token).orElseThrow(), "ada@example.com"))
                .isFalse();
        String longer = parts[0] + "." + (Long.parseLong(parts[1]) + 60) + "." + parts[2];
        assertThat(tokens.signedFor(tokens.parse(longer).orElseThrow(), "ada@example.com"))
                .isFalse();
        assertThat(tokens.parse("not.a.token")).isEmpty();
        assertThat(tokens.parse(null)).isEmpty();
        assertThat(tokens.parse(token + ".extra")).isEmpty();
    }
}
