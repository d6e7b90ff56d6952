package com.humanchat.edge.account;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/** What an authenticator app does with the secret it was given: show the code of the moment (RFC 6238). */
public final class AuthenticatorApp {

    private AuthenticatorApp() {}

    /** The code the app shows at {@code at}. */
    public static String code(String secret, Instant at) {
        TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator();
        try {
            return generator.generateOneTimePasswordString(
                    new SecretKeySpec(new Base32().decode(secret), generator.getAlgorithm()), at);
        } catch (InvalidKeyException e) {
            throw new AssertionError(e);
        }
    }
}
