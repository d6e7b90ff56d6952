package com.humanchat.loadgen;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The only console writer: progress and warnings go to stderr, the final report and its one-line JSON summary
 * ({@code SUMMARY {...}}) to stdout, so {@code run.sh … | grep ^SUMMARY} yields just the figures.
 */
final class Report {

    private static final PrintStream OUT = System.out;
    private static final PrintStream ERR = System.err;
    private static final Map<String, Long> LAST_PROGRESS_STEP = new HashMap<>();

    private Report() {}

    static void usage() {
        OUT.print(
                """
                HumanChat load generator — speaks only the public HTTP and WebSocket API.

                  run.sh [chat] --url http://127.0.0.1:8080 --users 1000 --rate 2000 --duration 30 \\
                                --warmup 10 --drain 10 [--json out.json]
                      One socket per user; by default users 2i <-> 2i+1 share one direct conversation. Sends
                      messages at a fixed open-loop rate round-robin over the conversations; reports delivery (per
                      recipient), loss, order and one-way latency from each send's intended time.
                      Shape: --conversations-per-user 1 --group-share 0 --group-size 5 (each user in exactly N
                      conversations, that share of them groups) --reads (recipients send read, at most once per
                      conversation per second) --typing-share 0 (share of sends preceded by a typing frame)
                      Also: --timeout 60 (s, <= 60) --message-bytes 64 --register-concurrency 16
                            --connect-concurrency 64 --event-loops 2 --ping-interval 20 --compress

                  run.sh idle --url http://127.0.0.1:8080 --ops-url http://127.0.0.1:8081 --sockets 10000
                              [--users 100] [--source-addresses 127.0.0.1,127.0.0.2,...] [--edge-pid PID] [--json out.json]
                      Opens idle authenticated sockets, reports the connect+hello rate and the edge's heap per
                      socket (from GET /metrics on the edge's ops port; --edge-pid forces a GC with jcmd first, same machine only).
                      Also: --connect-concurrency 256 --ping-interval 20 --settle 10 --heap-samples 3
                            --sample-pause 2 --hold 0 --register-concurrency 16 --event-loops 2 --compress

                  run.sh typing --url http://127.0.0.1:8080 [--url2 http://127.0.0.1:8081] --pairs 2500 \
                                --rate 5000 --duration 60 --warmup 10 --presence-share 0.2 [--json out.json]
                      Pair p's sender (socket on --url) sends typing and presence frames at a fixed open-loop rate,
                      round-robin over the pairs (at most 2 events/s per sender), and its receiver (socket on --url2,
                      default --url) times the matching frame from each send's intended time; drops are detected
                      from the alternating values. Reports sent, received, dropped and latency per kind.
                      Also: --drain 5 --timeout 10 (s, <= 60) --ready-timeout 30 --register-concurrency 16
                            --connect-concurrency 64 --event-loops 2 --ping-interval 20 --compress

                  --compress (every mode) offers permessage-deflate as Chromium does (context takeover on both sides,
                  15-bit windows); the report says how many sockets negotiated it.
                """);
    }

    static void usageErrors(String mode, List<String> errors) {
        ERR.println("loadgen " + mode + ": invalid arguments");
        errors.forEach(error -> ERR.println("  - " + error));
        ERR.println("run with --help for the flags");
    }

    static void phase(String message) {
        ERR.println("[loadgen] " + message);
    }

    static void warn(String message) {
        ERR.println("[loadgen] WARNING: " + message);
    }

    static void failed(String what, Throwable cause) {
        ERR.println("[loadgen] FAILED: " + what + ": " + cause);
    }

    /** Prints {@code label done/total} at every tenth of the way and at the end. */
    static synchronized void progress(String label, long done, long total) {
        long step = total == 0 ? 10 : done * 10 / total;
        Long last = LAST_PROGRESS_STEP.get(label);
        if (last != null && last >= step) {
            return;
        }
        LAST_PROGRESS_STEP.put(label, step);
        ERR.printf(Locale.ROOT, "[loadgen] %s %d/%d%n", label, done, total);
    }

    static void chat(ChatSummary s, String jsonLine) {
        OUT.println();
        OUT.printf(Locale.ROOT, "HumanChat chat load — run %s against %s%n", s.runId(), s.url());
        OUT.printf(
                Locale.ROOT,
                "  %d users, %d conversations each: %d direct, %d groups of %d; reads %s; typing before %.0f%% of"
                        + " sends%n",
                s.users(),
                s.conversationsPerUser(),
                s.directConversations(),
                s.groupConversations(),
                s.groupSize(),
                s.reads() ? "on" : "off",
                s.typingShare() * 100);
        OUT.printf(
                Locale.ROOT,
                "  target %.1f msg/s, warm-up %d s (not measured), measured %d s, drain %d s%n",
                s.targetRate(),
                s.warmupSeconds(),
                s.durationSeconds(),
                s.drainSeconds());
        compression(s.compression());
        OUT.println("sends (measured window)");
        line("attempted", s.attempted());
        OUT.printf(Locale.ROOT, "  %-28s %.1f msg/s%n", "achieved send rate", s.achievedSendRate());
        line("acked", s.acked());
        line("expected deliveries", s.expectedDeliveries());
        line("delivered", s.delivered());
        OUT.printf(Locale.ROOT, "  %-28s %.1f deliveries/s%n", "delivered rate", s.deliveredRate());
        line("lost (never delivered)", s.lost());
        line("  of which timed out", s.timedOut());
        line("unacked", s.unacked());
        line("rejected by error frame", s.rejected());
        line("write failures (client)", s.writeFailures());
        line("skipped: socket closed", s.skippedClosedSocket());
        line("sends on full write queue", s.sendsOnFullWriteQueue());
        OUT.println("delivery (whole run)");
        line("duplicates (conv, seq)", s.duplicates());
        line("out of order", s.outOfOrder());
        line("  conversations affected", s.conversationsOutOfOrder());
        line("unmatched deliveries", s.unmatchedDeliveries());
        line("unmatched / duplicate acks", s.unmatchedAcks() + " / " + s.duplicateAcks());
        line("deliveries without seq", s.deliveriesWithoutSeq());
        line("own messages echoed", s.echoes());
        line("read frames sent", s.readsSent());
        line("typing frames sent / received", s.typingSent() + " / " + s.typingReceived());
        line(
                "error frames",
                s.errorsByCode().isEmpty() ? "none" : s.errorsByCode().toString());
        line("closes 1013 (slow socket)", s.closes1013());
        line("other closes", s.otherCloses());
        line("warm-up sends / lost", s.warmupSends() + " / " + s.warmupLost());
        line("peak in flight / bound", s.peakInFlight() + " / " + s.inFlightBound());
        OUT.println("latency, ms (from intended send time)");
        latency("one-way (send -> message.new)", s.latencyMs());
        latency("ack (send -> message.ack)", s.ackLatencyMs());
        latency("scheduler lag (generator)", s.schedulerLagMs());
        OUT.println("SUMMARY " + jsonLine);
    }

    static void typing(TypingSummary s, String jsonLine) {
        OUT.println();
        OUT.printf(
                Locale.ROOT,
                "HumanChat typing/presence load — run %s, senders on %s, receivers on %s%n",
                s.runId(),
                s.url(),
                s.receiverUrl());
        OUT.printf(
                Locale.ROOT,
                "  %d pairs, target %.1f events/s (%.0f%% presence), warm-up %d s (not measured), measured %d s,"
                        + " drain %d s%n",
                s.pairs(),
                s.targetRate(),
                s.presenceShare() * 100,
                s.warmupSeconds(),
                s.durationSeconds(),
                s.drainSeconds());
        compression(s.compression());
        line("receivers saw sender online", s.receiversReady() + " / " + s.pairs() + " in " + s.readySeconds() + " s");
        OUT.println("events (measured window)");
        line("sent", s.sent());
        OUT.printf(Locale.ROOT, "  %-28s %.1f events/s%n", "achieved send rate", s.achievedSendRate());
        line("received", s.received());
        OUT.printf(Locale.ROOT, "  %-28s %.1f events/s%n", "received rate", s.receivedRate());
        line("dropped", s.dropped());
        line("write failures (client)", s.writeFailures());
        line("skipped: socket closed", s.skippedClosedSocket());
        line("sends on full write queue", s.sendsOnFullWriteQueue());
        OUT.println("by kind (measured window)     sent / received / dropped (overtaken + never arrived)");
        kind("typing", s.typing());
        kind("presence", s.presence());
        OUT.println("frames (whole run)");
        line(
                "unexpected typing/presence",
                s.typing().unexpectedFrames() + " / " + s.presence().unexpectedFrames());
        line("from no tracked pair", s.foreignFrames());
        line(
                "error frames",
                s.errorsByCode().isEmpty() ? "none" : s.errorsByCode().toString());
        line("closes 1013 (slow socket)", s.closes1013());
        line("other closes", s.otherCloses());
        line("warm-up sent / received", s.warmupSent() + " / " + s.warmupReceived());
        line("peak pending", s.peakPending());
        OUT.println("latency, ms (from intended send time)");
        latency("typing (send -> typing)", s.typing().latencyMs());
        latency("presence (send -> presence)", s.presence().latencyMs());
        latency("scheduler lag (generator)", s.schedulerLagMs());
        OUT.println("SUMMARY " + jsonLine);
    }

    static void idle(IdleSummary s, String jsonLine) {
        OUT.println();
        OUT.printf(Locale.ROOT, "HumanChat idle sockets — run %s against %s%n", s.runId(), s.url());
        OUT.printf(
                Locale.ROOT,
                "  %d sockets requested over %d users from %s%n",
                s.requestedSockets(),
                s.users(),
                s.sourceAddresses().isEmpty() ? "the default source address" : s.sourceAddresses());
        compression(s.compression());
        line("established (hello received)", s.established());
        line("failed", s.failed());
        s.failureSamples().forEach(sample -> OUT.println("    e.g. " + sample));
        OUT.printf(
                Locale.ROOT,
                "  %-28s %.1f sockets/s (%.2f s)%n",
                "connect+auth rate",
                s.connectRate(),
                s.connectSeconds());
        latency("connect -> hello, ms", s.connectLatencyMs());
        line("heap before (min)", bytes(s.heapBeforeBytes()));
        line("heap after (min)", bytes(s.heapAfterBytes()));
        line("heap per socket", s.heapPerSocketBytes() == null ? "n/a" : s.heapPerSocketBytes() + " B");
        line("GC forced before samples", s.gcForced() ? "yes (jcmd GC.run)" : "no");
        line("pings / pongs", s.pings() + " / " + s.pongs());
        line("closes 1013 / other", s.closes1013() + " / " + s.otherCloses());
        OUT.println("SUMMARY " + jsonLine);
    }

    private static void line(String label, Object value) {
        OUT.printf(Locale.ROOT, "  %-28s %s%n", label, value);
    }

    /** Offered or not, and how many of the open sockets negotiated it: an offer the server may decline. */
    private static void compression(CompressionFigures c) {
        line(
                "permessage-deflate",
                (c.offered() ? "offered" : "not offered") + ", negotiated on " + c.negotiated() + " / " + c.sockets()
                        + " sockets");
    }

    private static void kind(String label, SignalTracker.KindStats k) {
        line(
                label,
                k.sent() + " / " + k.received() + " / " + k.dropped() + " (" + k.overtaken() + " + " + k.neverArrived()
                        + ")");
    }

    private static void latency(String label, LatencySummary l) {
        OUT.printf(
                Locale.ROOT,
                "  %-30s n=%d p50=%.3f p90=%.3f p99=%.3f p99.9=%.3f max=%.3f%n",
                label,
                l.count(),
                l.p50(),
                l.p90(),
                l.p99(),
                l.p999(),
                l.max());
    }

    private static String bytes(Long value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%,d B (%.1f MiB)", value, value / 1048576.0);
    }
}
