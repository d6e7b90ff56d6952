package com.humanchat.webe2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.payments.stripe.StripeStub;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web client end to end: each test runs one Playwright scenario ({@code web/e2e/<name>.mjs}, Node + playwright-core
 * driving Debian's headless Chromium) against one standalone platform launched for this class as a child JVM, the way
 * {@code ./humanchat start} runs it. Without Chromium the tests are skipped loudly ({@code ./humanchat test} installs it).
 * Its payments worker talks to the local Stripe server ({@link StripeStub}), which sends its signed events to the
 * platform's webhook endpoint; the scenarios get its address as {@code STRIPE_STANDIN_URL}, for the Stripe.js stand-in
 * they serve in place of {@code https://js.stripe.com/v3}.
 */
class WebClientE2EIT {

    /** The screenshots scenario signs up this admin for the admin pages. */
    private static final String ADMIN_EMAIL = "admin@web-e2e.test";

    private static final String STRIPE_WEBHOOK_SECRET = "whsec_web_e2e";

    private static final Duration SCENARIO_TIMEOUT = Duration.ofSeconds(240);
    private static final List<String> CHROMIUM_CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");

    @TempDir
    static Path workDir;

    private static Process standalone;
    private static LocalGemini gemini;
    private static StripeStub stripe;
    private static String baseUrl;
    private static String chromium;
    private static Path webDir;

    @BeforeAll
    static void launchStandalone() throws Exception {
        Optional<String> browser = findChromium();
        if (browser.isEmpty()) {
            String message = "LOUD SKIP: no Chromium (looked at $CHROMIUM_PATH, " + CHROMIUM_CANDIDATES
                    + "): the web client's end-to-end tests did NOT run. Install it with 'apt-get install chromium'"
                    + " (./humanchat test does this when it runs as root).";
            System.err.println("\n*** " + message + " ***\n");
            Assumptions.abort(message);
        }
        chromium = browser.get();
        webDir = Path.of(System.getProperty("web.dir", "../web"))
                .toAbsolutePath()
                .normalize();
        assertThat(webDir.resolve("node_modules/playwright-core"))
                .as("the web module's npm install (build module 'web' first)")
                .exists();

        int port = freePort();
        baseUrl = "http://127.0.0.1:" + port;
        Path dataDir = workDir.resolve("var");
        Files.createDirectories(dataDir);
        Path log = workDir.resolve("standalone.log");
        String classpath = Files.readString(
                        Path.of(System.getProperty("standalone.classpath", "target/standalone.classpath")))
                .strip();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-XX:+UseParallelGC",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                classpath,
                "com.humanchat.standalone.HumanChatStandalone");
        builder.environment().put("HUMANCHAT_HTTP_PORT", Integer.toString(port));
        builder.environment().put("HUMANCHAT_OPS_HTTP_PORT", "0");
        builder.environment().put("HUMANCHAT_DATA_DIR", dataDir.toString());
        builder.environment().put("HUMANCHAT_ADMIN_EMAILS", ADMIN_EMAIL);
        gemini = new LocalGemini();
        builder.environment().put("HUMANCHAT_GEMINI_API_KEY", "web-e2e-key");
        builder.environment().put("HUMANCHAT_GEMINI_BASE_URL", gemini.baseUrl());
        // Connect's return URL must lead back to the origin the browser signed in at (its tokens are per origin)
        builder.environment().put("HUMANCHAT_PUBLIC_URL", baseUrl);
        stripe = StripeStub.start();
        stripe.sendWebhooksTo(URI.create(baseUrl + "/api/payments/webhooks"), STRIPE_WEBHOOK_SECRET);
        builder.environment().put("HUMANCHAT_STRIPE_API_KEY", "sk_test_web_e2e");
        builder.environment().put("HUMANCHAT_STRIPE_API_BASE", stripe.baseUrl());
        builder.environment().put("HUMANCHAT_STRIPE_WEBHOOK_SECRET", STRIPE_WEBHOOK_SECRET);
        // The page's content policy lets it connect to its own origin, Stripe's API and the CORS origins only: listing
        // the stand-in there lets the Stripe.js stand-in, running in the page, confirm payments with it.
        builder.environment().put("HUMANCHAT_CORS_ORIGINS", stripe.baseUrl());
        // The notifier's digest of unread messages after 3 s instead of 2 min (the notifications scenario)
        builder.environment().put("HUMANCHAT_NOTIFY_UNREAD_DELAY_SECONDS", "3");
        List.of("HUMANCHAT_KAFKA_BOOTSTRAP", "HUMANCHAT_PG_URL", "HUMANCHAT_REDIS_URL", "HUMANCHAT_JWT_SECRET")
                .forEach(builder.environment()::remove);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        standalone = builder.start();
        Awaitility.await("standalone up (log: " + log + ")")
                .atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!standalone.isAlive()) {
                        throw new AssertionError("standalone exited early:\n" + Files.readString(log));
                    }
                    return Files.readString(log).contains("HumanChat is up at " + baseUrl);
                });
    }

    @AfterAll
    static void stopStandalone() throws InterruptedException {
        if (standalone != null) {
            standalone.destroy();
            if (!standalone.waitFor(60, TimeUnit.SECONDS)) {
                standalone.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        if (gemini != null) {
            gemini.close();
        }
        if (stripe != null) {
            stripe.close();
        }
    }

    @Test
    void twoPeopleChatWithLiveDeliveryUnreadTypingAndPresence() throws Exception {
        runScenario("chat");
    }

    @Test
    void anImageAndAPdfReachTheOtherBrowserLiveAndAfterAnOfflineReload() throws Exception {
        runScenario("attachments");
    }

    @Test
    void sendsMadeOfflineArriveOnceAndInOrderAndAnOfflineReloadShowsTheCachedHistory() throws Exception {
        runScenario("offline");
    }

    @Test
    void reactionsRepliesEditsDeletesSearchAndSeenReachTheOtherBrowserLiveAndAfterAnOfflineReload() throws Exception {
        runScenario("rich-messages");
    }

    @Test
    void mentionsInAGroupArePickedByKeyboardHighlightedAndMarkTheMentionedMemberUntilTheyRead() throws Exception {
        runScenario("mentions");
    }

    @Test
    void aGuestBooksASessionAndTheHostAcceptsIt() throws Exception {
        runScenario("booking");
    }

    @Test
    void samShowsTypingProposesAHostTheGuestBooksAndTheCardRemembersAfterAReload() throws Exception {
        runScenario("sam");
    }

    @Test
    void aConversationOpensAtTheNewestMessageAndScrollingUpLoadsHistoryWithoutAJump() throws Exception {
        runScenario("thread");
    }

    @Test
    void aGuestRatesACompletedSessionTheHostAnswersAndDiscoverShowsTheRating() throws Exception {
        runScenario("reviews");
    }

    @Test
    void aHiddenTabShowsTheUnreadTotalInItsTitleRaisesBrowserNotificationsAndTheListEmptiesAsItemsAreRead()
            throws Exception {
        runScenario("notifications");
    }

    @Test
    void aHostReportsAMessageAndBlocksTheSenderWhoseNextMessageIsRefusedAndAnAdminResolvesTheReport() throws Exception {
        runScenario("safety");
    }

    @Test
    void aHostTurnsOnTwoFactorSignsInWithACodeAndDownloadsTheirData() throws Exception {
        runScenario("account");
    }

    @Test
    void aHostSetsWeeklyHoursAndAGuestInAnotherTimeZoneBooksAFreeSlotShownInTheirOwnZone() throws Exception {
        runScenario("scheduling");
    }

    @Test
    void theHostReschedulesABookedSessionTheGuestAcceptsAndItsCalendarFileHasTheNewTime() throws Exception {
        runScenario("reschedule");
    }

    @Test
    void aSessionHasOneLiveCardInTheThreadFromRequestedThroughConfirmedToCancelled() throws Exception {
        runScenario("session-card");
    }

    @Test
    void theAdminChartsRefreshAsMessagesAreSentAndSuspendingAsksFirst() throws Exception {
        runScenario("admin-metrics");
    }

    @Test
    void anAnnouncementSurvivesAReloadAndStaysDismissed() throws Exception {
        runScenario("announcement");
    }

    @Test
    void everyMainViewPassesAxeAtPhoneAndDesktopSizes() throws Exception {
        runScenario("a11y");
    }

    @Test
    void aHostOnboardsOnTheStripeStandInAndAGuestsPagePaysWithItsTestCards() throws Exception {
        runScenario("stripe-standin");
    }

    @Test
    void savesScreenshotsOfTheMainViewsAtPhoneAndDesktopSizes() throws Exception {
        runScenario("screenshots");

        assertScreenshots(
                "",
                "sign-in",
                "conversations",
                "discover",
                "conversation",
                "booking-dialog",
                "sessions",
                "sam",
                "admin-users",
                "admin-metrics");
    }

    @Test
    void hostsGetPaidGuestsPayCancelWithARefundTipInChatAndAskAManagedHostForAnIntroduction() throws Exception {
        runScenario("money");

        assertScreenshots(
                "money-",
                "payouts-not-ready",
                "settings-get-paid",
                "booking-price",
                "payment-declined",
                "payment-succeeded",
                "cancel-refund-line",
                "guest-payments",
                "host-earnings",
                "tip-amount",
                "tip-in-thread",
                "introduction-form",
                "manager-request");
    }

    /** Each view was saved at phone and desktop size as {@code <size>-<prefix><view>.png}. */
    private static void assertScreenshots(String prefix, String... views) {
        Path screenshots = Path.of(System.getProperty("screenshots.dir", "target/screenshots"))
                .toAbsolutePath()
                .normalize();
        for (String size : List.of("phone", "desktop")) {
            for (String view : views) {
                assertThat(screenshots.resolve(size + "-" + prefix + view + ".png"))
                        .isNotEmptyFile();
            }
        }
    }

    private static void runScenario(String name) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        "node", webDir.resolve("e2e").resolve(name + ".mjs").toString(), baseUrl)
                .directory(webDir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("CHROMIUM_PATH", chromium);
        builder.environment().put("STRIPE_STANDIN_URL", stripe.baseUrl());
        builder.environment()
                .put(
                        "SCREENSHOTS_DIR",
                        Path.of(System.getProperty("screenshots.dir", "target/screenshots"))
                                .toAbsolutePath()
                                .normalize()
                                .toString());
        Process node = builder.start();
        StringBuilder output = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    System.out.println(line);
                    output.append(line).append('\n');
                }
            } catch (IOException e) {
                output.append("(output unreadable: ").append(e).append(")\n");
            }
        });
        boolean finished = node.waitFor(SCENARIO_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(Duration.ofSeconds(10));

        assertThat(finished)
                .as("scenario %s finished within %s:\n%s", name, SCENARIO_TIMEOUT, output)
                .isTrue();
        assertThat(node.exitValue()).as("scenario %s:\n%s", name, output).isZero();
        assertThat(output.toString()).contains("[" + name + "] PASS");
    }

    private static Optional<String> findChromium() {
        String fromEnv = System.getenv("CHROMIUM_PATH");
        return (fromEnv == null ? CHROMIUM_CANDIDATES : List.of(fromEnv))
                .stream()
                        .filter(p -> Files.isExecutable(Path.of(p)))
                        .findFirst()
                        .or(() -> fromEnv == null
                                ? Optional.empty()
                                : CHROMIUM_CANDIDATES.stream()
                                        .filter(p -> Files.isExecutable(Path.of(p)))
                                        .findFirst());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
