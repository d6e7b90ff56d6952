package com.humanchat.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WebPushKeysTest {

    @Test
    void aGeneratedPairReadsBackWithTheSubjectFromTheSender() {
        WebPushKeys generated = WebPushKeys.generate("unused");
        EnvironmentReader r = new EnvironmentReader(Map.of(
                "HUMANCHAT_VAPID_PUBLIC_KEY", generated.publicKey(),
                "HUMANCHAT_VAPID_PRIVATE_KEY", generated.privateKey(),
                "HUMANCHAT_SMTP_FROM", "Ops <ops@example.com>"));

        WebPushKeys read = WebPushKeys.read(r);
        r.throwIfInvalid();

        assertThat(read.publicKey()).isEqualTo(generated.publicKey()).hasSize(87);
        assertThat(read.privateKey()).hasSize(43);
        assertThat(read.subject()).isEqualTo("mailto:ops@example.com");
    }

    @Test
    void neitherKeyIsPushOff() {
        EnvironmentReader r = new EnvironmentReader(Map.of());
        assertThat(WebPushKeys.read(r)).isNull();
        assertThat(WebPushKeys.readPublicKey(r)).isNull();
        r.throwIfInvalid();
    }

    @Test
    void oneKeyAloneANonKeyOrAnotherSubjectIsRefusedInOneReport() {
        EnvironmentReader one = new EnvironmentReader(
                Map.of("HUMANCHAT_VAPID_PUBLIC_KEY", WebPushKeys.generate("x").publicKey()));
        WebPushKeys.read(one);
        assertThatThrownBy(one::throwIfInvalid).hasMessageContaining("given together");

        EnvironmentReader bad = new EnvironmentReader(Map.of(
                "HUMANCHAT_VAPID_PUBLIC_KEY", "not-a-key",
                "HUMANCHAT_VAPID_PRIVATE_KEY", "AAAA",
                "HUMANCHAT_VAPID_SUBJECT", "ops@example.com"));
        WebPushKeys.read(bad);
        assertThatThrownBy(bad::throwIfInvalid)
                .hasMessageContaining("HUMANCHAT_VAPID_PUBLIC_KEY is not a P-256 public key")
                .hasMessageContaining("HUMANCHAT_VAPID_PRIVATE_KEY is not a P-256 private key")
                .hasMessageContaining("mailto: or https://");
    }
}
