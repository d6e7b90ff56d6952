package com.humanchat.edge.account.domain;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recovery codes: for a lost phone, {@value #COUNT} codes of 10 characters from an alphabet without look-alikes
 * (about 50 bits each), shown once as {@code xxxxx-xxxxx}; each signs in once. Typed codes are compared without case,
 * spaces or dashes.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {}

    /** {@value #COUNT} new codes, as shown to their owner. */
    public static List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder(LENGTH + 1);
            for (int c = 0; c < LENGTH; c++) {
                if (c == LENGTH / 2) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** A typed code as it is hashed and stored: lower case, without spaces or dashes. */
    public static String normalize(String typed) {
        return typed.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }
}
