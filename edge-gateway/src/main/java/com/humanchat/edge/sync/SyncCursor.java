package com.humanchat.edge.sync;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * A position in the caller's stream of changes, ordered by {@code (tx, kind, key)}; a page returns what lies
 * strictly after it. Opaque to clients: base64url of {@code s1.<tx>.<kind>.<key>}.
 *
 * @param tx the PostgreSQL transaction id that wrote the row (the projection's {@code tx} column)
 * @param kind {@link #BEFORE_ALL_KINDS}, or the kind of change: conversation, message, unread, session, request,
 *     payment
 * @param key orders changes of one kind within one transaction (compared as plain code points, as {@code COLLATE "C"})
 */
public record SyncCursor(long tx, int kind, String key) implements Comparable<SyncCursor> {

    public static final int BEFORE_ALL_KINDS = -1;
    public static final int CONVERSATION = 0;
    public static final int MESSAGE = 1;
    public static final int UNREAD = 2;
    public static final int SESSION = 3;
    public static final int REQUEST = 4;
    public static final int PAYMENT = 5;

    private static final String VERSION = "s1";
    private static final Pattern KEY = Pattern.compile("[0-9a-f:-]{0,80}");

    public static final Comparator<SyncCursor> ORDER = Comparator.comparingLong(SyncCursor::tx)
            .thenComparingInt(SyncCursor::kind)
            .thenComparing(SyncCursor::key);

    /** The position before every change written by transaction {@code tx} or later. */
    public static SyncCursor before(long tx) {
        return new SyncCursor(tx, BEFORE_ALL_KINDS, "");
    }

    @Override
    public int compareTo(SyncCursor other) {
        return ORDER.compare(this, other);
    }

    public String encode() {
        String plain = VERSION + "." + tx + "." + kind + "." + key;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a token from {@link #encode()}; anything else raises {@link IllegalArgumentException}. */
    public static SyncCursor decode(String token) {
        if (token == null || token.length() > 200) {
            throw new IllegalArgumentException("not a sync cursor");
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\.", 4);
            if (parts.length != 4 || !parts[0].equals(VERSION)) {
                throw new IllegalArgumentException("not a sync cursor");
            }
            long tx = Long.parseLong(parts[1]);
            int kind = Integer.parseInt(parts[2]);
            if (tx < 0
                    || kind < BEFORE_ALL_KINDS
                    || kind > PAYMENT
                    || !KEY.matcher(parts[3]).matches()) {
                throw new IllegalArgumentException("not a sync cursor");
            }
            return new SyncCursor(tx, kind, parts[3]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a sync cursor", e);
        }
    }
}
