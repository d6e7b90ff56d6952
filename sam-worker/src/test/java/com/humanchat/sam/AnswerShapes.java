package com.humanchat.sam;

import com.humanchat.schemas.sam.SamOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Recorded {@code generateContent} response bodies in the shapes Gemini 2.5 writes (under
 * {@code src/test/resources/gemini-shapes/}), each with what Sam must store for it. The bodies name the host as
 * {@code HOST_ID}, a free start as {@code START_TIME} and a start the host is booked at as {@code TAKEN_TIME}.
 */
final class AnswerShapes {

    static final String USABLE_REPLY = "Paula has scaled Postgres and is free then.";
    static final List<String> HOST_AND_BOOKING = List.of("show_hosts", "propose_booking");

    /** One recorded shape and the exact message and action types Sam stores for it. */
    record Shape(String file, String content, List<String> actionTypes, SamOutcome outcome) {

        /** The response body with the placeholders filled in. */
        String body(UUID host, Instant start, Instant taken) {
            try (InputStream in = AnswerShapes.class.getResourceAsStream("/gemini-shapes/" + file + ".json")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("HOST_ID", host.toString())
                        .replace("START_TIME", start.toString())
                        .replace("TAKEN_TIME", taken.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean hasActions() {
            return !actionTypes.isEmpty();
        }

        @Override
        public String toString() {
            return file;
        }
    }

    static final List<Shape> ALL = List.of(
            usable("01-bare-json"),
            usable("02-prose-then-fence"),
            usable("03-fence-then-prose"),
            usable("04-two-fences"),
            usable("05-function-calls"),
            usable("06-function-call-and-text"),
            apology(
                    "07-empty-text",
                    "Sorry, I lost my train of thought and have no answer yet. Could you ask me again?"),
            apology(
                    "08-max-tokens",
                    "Sorry, my answer ran too long and was cut off. Could you ask me again, perhaps a little more"
                            + " narrowly?"),
            apology("09-safety-finish", "Sorry, I can't help with that request. Could you put it another way?"),
            apology("10-blocked-prompt", "Sorry, I can't help with that request. Could you put it another way?"),
            apology("11-invalid-json", "Sorry, my answer came out garbled. Could you ask me again?"),
            new Shape(
                    "12-unknown-action-type",
                    "Paula has scaled Postgres.\n\n(I left out one suggestion I could not verify: a 'transfer_funds'"
                            + " suggestion that is not well-formed ($.type: unknown action type 'transfer_funds').)",
                    List.of("show_hosts"),
                    SamOutcome.DROPPED_ACTIONS),
            new Shape(
                    "13-prompt-injected-price",
                    "As you asked, Paula for one dollar.\n\n(I left out one suggestion I could not verify: a booking at"
                            + " a price that is not the host's (4000 usd).)",
                    List.of(),
                    SamOutcome.DROPPED_ACTIONS),
            usable("14-trailing-comment"),
            new Shape(
                    "15-taken-slot",
                    "Paula is free then.\n\n(I left out one suggestion I could not verify: a booking at a time the host"
                            + " is already booked.)",
                    List.of(),
                    SamOutcome.DROPPED_ACTIONS),
            new Shape(
                    "16-now-with-offline-host",
                    "Paula can start now.\n\n(I left out one suggestion I could not verify: a booking for right now"
                            + " with a host who is not online for instant sessions.)",
                    List.of(),
                    SamOutcome.DROPPED_ACTIONS));

    private AnswerShapes() {}

    private static Shape usable(String file) {
        return new Shape(file, USABLE_REPLY, HOST_AND_BOOKING, SamOutcome.ANSWERED);
    }

    private static Shape apology(String file, String reply) {
        return new Shape(file, reply, List.of(), SamOutcome.UNUSABLE);
    }
}
