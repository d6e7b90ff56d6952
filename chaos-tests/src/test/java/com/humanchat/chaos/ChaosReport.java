package com.humanchat.chaos;

import com.humanchat.chaos.ChatDriver.Attempt;
import com.humanchat.chaos.ChatDriver.Reconnect;
import com.humanchat.chaos.ChatDriver.SendRecord;
import java.util.List;
import java.util.Locale;

/** The chaos run's counts as Markdown, in the shape of {@code docs/reliability.md}. */
final class ChaosReport {

    record Setup(int users, double rate, long minutes, long setUpSeconds, long loadMillis, long quiescenceMillis) {}

    private ChaosReport() {}

    /** Milliseconds from {@code at} to the first 201 answer of a send made at or after it, or −1 if none yet. */
    static long firstAnswer201After(ChatDriver driver, long at) {
        long first = Long.MAX_VALUE;
        for (SendRecord send : driver.sends) {
            if (send.intendedAt() >= at && send.answer.get() == 201) {
                first = Math.min(first, send.answeredAt.get());
            }
        }
        return first == Long.MAX_VALUE ? -1 : first - at;
    }

    static String markdown(Setup setup, List<Fault> faults, ChatDriver driver, ChaosVerdict v) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Run: %d users in a ring of %d direct conversations, %.0f msg/s (REST sends), %s; set up in %d s, "
                        + "load for %.0f s, quiet %.0f s after the load stopped.%n%n",
                setup.users(),
                setup.users(),
                setup.rate(),
                setup.minutes() == 0
                        ? "short run (each fault once)"
                        : "long run (" + setup.minutes() + " min of cycles)",
                setup.setUpSeconds(),
                setup.loadMillis() / 1000.0,
                setup.quiescenceMillis() / 1000.0));

        out.append(
                "| # | fault | at (s) | first 201 after (s) | sends failing in window | 503 | timeouts | refused/reset | "
                        + "answered 202 in window | sockets resumed (last after, s) |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < faults.size(); i++) {
            Fault fault = faults.get(i);
            long from = fault.at();
            long to = i + 1 < faults.size() ? faults.get(i + 1).at() : Long.MAX_VALUE;
            long failingSends = 0, s503 = 0, timeouts = 0, refused = 0, pending = 0;
            for (SendRecord send : driver.sends) {
                boolean failedHere = false;
                for (Attempt attempt : send.attempts) {
                    if (attempt.startedAt() < from || attempt.startedAt() >= to) {
                        continue;
                    }
                    if (attempt.status() == 503) {
                        s503++;
                        failedHere = true;
                    } else if ("timeout".equals(attempt.error())) {
                        timeouts++;
                        failedHere = true;
                    } else if (attempt.status() == 0) {
                        refused++;
                        failedHere = true;
                    }
                }
                if (failedHere) {
                    failingSends++;
                }
                if (send.answer.get() == 202 && send.intendedAt() >= from && send.intendedAt() < to) {
                    pending++;
                }
            }
            String sockets = "—";
            if (!fault.usersOnTarget().isEmpty()) {
                long last = 0;
                int resumed = 0;
                for (ChatDriver.User user : fault.usersOnTarget()) {
                    long when = driver.reconnects.stream()
                            .filter(r -> r.user() == user && r.droppedAt() >= from)
                            .mapToLong(Reconnect::reconnectedAt)
                            .min()
                            .orElse(-1);
                    if (when >= 0) {
                        resumed++;
                        last = Math.max(last, when - from);
                    }
                }
                sockets = resumed + "/" + fault.usersOnTarget().size() + " (" + seconds(last) + ")";
            }
            long recovery = firstAnswer201After(driver, from);
            out.append(String.format(
                    Locale.ROOT,
                    "| %d | %s (%s) | %s | %s | %d | %d | %d | %d | %d | %s |%n",
                    i + 1,
                    fault.kind(),
                    fault.target(),
                    seconds(from),
                    recovery < 0 ? "never" : seconds(recovery),
                    failingSends,
                    s503,
                    timeouts,
                    refused,
                    pending,
                    sockets));
        }

        out.append("\n| count | value |\n|---|---|\n");
        row(out, "sends attempted", v.sendsAttempted());
        row(out, "answered 201 (with seq)", v.answered201());
        row(out, "answered 202 (pending)", v.answered202());
        row(out, "answered in total", v.answered201() + v.answered202());
        row(out, "sends with a failed attempt (503, timeout, refused/reset)", v.sendsThatFailedOnce());
        row(
                out,
                "  failed attempts: 503 / timeout / refused or reset",
                v.attempts503() + " / " + v.attemptsTimedOut() + " / " + v.attemptsRefusedOrReset());
        row(out, "  of those, answered on a retry with the same clientMessageId", v.retriedThenAnswered());
        row(
                out,
                "  never answered after every retry (allowed) / of those stored anyway",
                v.gaveUp() + " / " + v.gaveUpButStored());
        row(out, "messages in the projection", v.messagesInProjection());
        row(out, "**answered but missing from the projection**", v.answeredMissingFromProjection());
        row(out, "**201 seq differing from the projection**", v.seqDifferentFrom201());
        row(out, "**(sender, clientMessageId) stored twice**", v.duplicateMessages());
        row(out, "**conversations with a seq gap / seqs missing**", v.conversationsWithGap() + " / " + v.missingSeqs());
        row(out, "**conversations.last_seq differing from the messages**", v.lastSeqMismatches());
        row(out, "deliveries expected (each stored message × its 2 members)", v.expectedDeliveries());
        row(out, "delivered over WebSocket (live or resumed)", v.delivered());
        row(out, "**deliveries missing**", v.missingDeliveries());
        row(out, "duplicates absorbed by the client: replayed after a resume with `since`", v.replayedAfterResume());
        row(out, "**duplicates on one socket**", v.sameSocketDuplicates());
        row(out, "read marks sent / not acknowledged", v.readMarks() + " / " + v.readMarksUnacked());
        row(
                out,
                "unread counts checked via `GET /api/conversations` / non-zero",
                v.unreadChecked() + " / " + v.unreadNonZero());
        row(out, "**unread counts differing from history + read marks**", v.unreadMismatches());
        row(out, "**total unread differing**", v.totalUnreadMismatches());
        row(out, "socket resumes (reconnects with `since`)", driver.reconnects.size());
        row(
                out,
                "`sync_failed` frames (the edge's catch-up gave up)",
                driver.users().stream().mapToLong(u -> u.syncFailedFrames.get()).sum());
        if (!v.examples().isEmpty()) {
            out.append("\nFindings:\n\n");
            v.examples().forEach(e -> out.append("* ").append(e).append('\n'));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String name, Object value) {
        out.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
