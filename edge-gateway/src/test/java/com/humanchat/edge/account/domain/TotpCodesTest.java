package com.humanchat.edge.account.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpCodesTest {

    /** RFC 6238 appendix B's SHA-1 secret ("12345678901234567890"), in Base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void computesTheCodesOfRfc6238AppendixB() {
        // The RFC lists 8 digits; an app shows the last 6.
        assertThat(TotpCodes.codeAt(RFC_SECRET, 59 / 30)).isEqualTo("287082");
        assertThat(TotpCodes.codeAt(RFC_SECRET, 1111111109L / 30)).isEqualTo("081804");
    }

    @Test
    void acceptsTheCurrentStepAndOneEitherSideButNeverAStepAlreadyUsed() {
        String secret = TotpCodes.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = now.getEpochSecond() / 30;

        assertThat(TotpCodes.acceptedStep(secret, TotpCodes.codeAt(secret, step), now, 0))
                .hasValue(step);
        assertThat(TotpCodes.acceptedStep(secret, TotpCodes.codeAt(secret, step - 1), now, 0))
                .hasValue(step - 1);
        assertThat(TotpCodes.acceptedStep(secret, TotpCodes.codeAt(secret, step + 1), now, 0))
                .hasValue(step + 1);
        assertThat(TotpCodes.acceptedStep(secret, TotpCodes.codeAt(secret, step - 2), now, 0))
                .as("too old")
                .isEmpty();
        assertThat(TotpCodes.acceptedStep(secret, TotpCodes.codeAt(secret, step), now, step))
                .as("replayed")
                .isEmpty();
        assertThat(TotpCodes.acceptedStep(secret, "12345", now, 0)).isEmpty();
        assertThat(TotpCodes.acceptedStep(secret, "abcdef", now, 0)).isEmpty();
    }

    @Test
    void aNewSecretIs160BitsOfBase32AndItsUriNamesTheAccount() {
        String secret = TotpCodes.newSecret();

        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(TotpCodes.otpauthUri(secret, "HumanChat", "ada@example.com"))
                .isEqualTo("otpauth://totp/HumanChat:ada%40example.com?secret=" + secret
                        + "&issuer=HumanChat&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void recoveryCodesAreTenDistinctAndComparedWithoutCaseOrDashes() {
        assertThat(RecoveryCodes.generate())
                .hasSize(10)
                .doesNotHaveDuplicates()
                .allMatch(c -> c.matches("[a-z2-9]{5}-[a-z2-9]{5}"));
        assertThat(RecoveryCodes.normalize(" ABCDE-fghjk ")).isEqualTo("abcdefghjk");
    }
}
