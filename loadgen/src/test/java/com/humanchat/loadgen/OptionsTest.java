package com.humanchat.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void chatDefaultsMatchTheDocumentedCommandLine() {
        ChatOptions options = ChatOptions.parse(List.of());

        assertThat(options.errors()).isEmpty();
        assertThat(options.endpoint()).isEqualTo(new Endpoint("127.0.0.1", 8080, false));
        assertThat(options.users()).isEqualTo(1000);
        assertThat(options.conversationsPerUser()).isEqualTo(1);
        assertThat(options.groupShare()).isZero();
        assertThat(options.groupSize()).isEqualTo(5);
        assertThat(options.plan().directCount()).isEqualTo(500);
        assertThat(options.plan().groupCount()).isZero();
        assertThat(options.rate()).isEqualTo(2000);
        assertThat(options.durationSeconds()).isEqualTo(30);
        assertThat(options.warmupSeconds()).isEqualTo(10);
        assertThat(options.drainSeconds()).isEqualTo(10);
        assertThat(options.inFlightBound()).isEqualTo(120_000);
        assertThat(options.json()).isEmpty();
    }

    @Test
    void chatReadsBothFlagForms() {
        ChatOptions options = ChatOptions.parse(
                List.of("--url", "https://chat.example.com", "--users=10", "--rate", "12.5", "--json", "out/run.json"));

        assertThat(options.errors()).isEmpty();
        assertThat(options.endpoint()).isEqualTo(new Endpoint("chat.example.com", 443, true));
        assertThat(options.users()).isEqualTo(10);
        assertThat(options.rate()).isEqualTo(12.5);
        assertThat(options.json()).contains(Path.of("out/run.json"));
    }

    @Test
    void chatReportsEveryProblemAtOnce() {
        ChatOptions options = ChatOptions.parse(List.of(
                "--users", "7", "--rate", "fast", "--bogus", "1", "--timeout", "90", "--duration", "--url", "ftp://x"));

        assertThat(options.errors())
                .containsExactlyInAnyOrder(
                        "--users must be even when each user has an odd number of direct conversations (1 here;"
                                + " users 2i and 2i+1 are paired), got 7",
                        "--rate must be a number, got 'fast'",
                        "unknown flag --bogus",
                        "--timeout must be between 1 and 60, got 90",
                        "--duration needs a value",
                        "--url must be http(s)://host[:port], got ftp://x");
    }

    @Test
    void chatReadsTheInboxShape() {
        ChatOptions options = ChatOptions.parse(List.of(
                "--users", "100", "--conversations-per-user", "10", "--group-share", "0.2", "--group-size", "4"));

        assertThat(options.errors()).isEmpty();
        assertThat(options.conversationsPerUser()).isEqualTo(10);
        assertThat(options.groupShare()).isEqualTo(0.2);
        assertThat(options.groupSize()).isEqualTo(4);
        assertThat(options.plan().conversations()).isNotEmpty();
    }

    @Test
    void chatListsEveryProblemOfTheShape() {
        assertThat(ChatOptions.parse(List.of(
                                "--conversations-per-user",
                                "0",
                                "--group-share",
                                "1.5",
                                "--group-size",
                                "2",
                                "--users",
                                "many"))
                        .errors())
                .containsExactlyInAnyOrder(
                        "--users must be a whole number, got 'many'",
                        "--conversations-per-user must be between 1 and 10000, got 0",
                        "--group-share must be between 0 and 1, got 1.5",
                        "--group-size must be between 3 and 50, got 2");
        assertThat(ChatOptions.parse(
                                List.of("--users", "102", "--conversations-per-user", "10", "--group-share", "0.2"))
                        .errors())
                .containsExactly("--users must be a multiple of --group-size 5 when there are groups (4 per user),"
                        + " got 102");
        assertThat(ChatOptions.parse(List.of("--users", "10", "--conversations-per-user", "10"))
                        .errors())
                .containsExactly("10 direct conversations per user with distinct users need --users > 10, got 10");
        assertThat(LoadGenerator.run(List.of("chat", "--users", "10", "--conversations-per-user", "10")))
                .isEqualTo(2);
    }

    @Test
    void chatReadsAndTypesOnlyWhenAsked() {
        ChatOptions quiet = ChatOptions.parse(List.of());
        assertThat(quiet.reads()).isFalse();
        assertThat(quiet.typingShare()).isZero();

        ChatOptions busy = ChatOptions.parse(List.of("--reads", "--typing-share", "0.1", "--users", "100"));
        assertThat(busy.errors()).isEmpty();
        assertThat(busy.reads()).isTrue();
        assertThat(busy.typingShare()).isEqualTo(0.1);
    }

    @Test
    void chatKeepsEachUsersTypingUnderTheEdgesTypingLimit() {
        assertThat(ChatOptions.parse(List.of("--users", "100", "--rate", "400", "--typing-share", "0.5"))
                        .errors())
                .isEmpty();
        assertThat(ChatOptions.parse(List.of("--users", "100", "--rate", "500", "--typing-share", "0.5"))
                        .errors())
                .containsExactly("--typing-share 0.5 of --rate 500.0 over --users 100 is 2.50 typing frames/s per"
                        + " user, above 2: the edge drops typing frames past 5 per 2 s per socket; lower"
                        + " --typing-share or --rate, or raise --users");
        assertThat(ChatOptions.parse(List.of("--typing-share", "-0.1", "--reads=1"))
                        .errors())
                .containsExactlyInAnyOrder(
                        "--typing-share must be between 0 and 1, got -0.1", "--reads takes no value, got '--reads=1'");
    }

    @Test
    void idleNeedsEnoughSourceAddressesForItsSockets() {
        assertThat(IdleOptions.parse(List.of("--sockets", "30000")).errors())
                .singleElement()
                .asString()
                .contains("--source-addresses");
        assertThat(IdleOptions.parse(List.of("--sockets", "60000", "--source-addresses", "127.0.0.1,127.0.0.2"))
                        .errors())
                .singleElement()
                .asString()
                .contains("needs at least 3");

        IdleOptions options = IdleOptions.parse(List.of(
                "--sockets", "60000", "--source-addresses", "127.0.0.1, 127.0.0.2,127.0.0.3", "--edge-pid", "4242"));
        assertThat(options.errors()).isEmpty();
        assertThat(options.sourceAddresses()).containsExactly("127.0.0.1", "127.0.0.2", "127.0.0.3");
        assertThat(options.edgePid()).hasValue(4242);
        assertThat(options.users()).isEqualTo(100);
    }

    @Test
    void idleReadsTheHeapFromTheEdgesOpsPort() {
        assertThat(IdleOptions.parse(List.of()).opsEndpoint()).isEqualTo(new Endpoint("127.0.0.1", 8081, false));
        assertThat(IdleOptions.parse(List.of("--ops-url", "http://10.0.0.5:9090"))
                        .opsEndpoint())
                .isEqualTo(new Endpoint("10.0.0.5", 9090, false));
    }

    @Test
    void idleNeverRegistersMoreUsersThanSockets() {
        assertThat(IdleOptions.parse(List.of("--sockets", "10")).users()).isEqualTo(10);
    }

    @Test
    void typingDefaultsMatchTheDocumentedCommandLine() {
        TypingOptions options = TypingOptions.parse(List.of());

        assertThat(options.errors()).isEmpty();
        assertThat(options.pairs()).isEqualTo(2500);
        assertThat(options.rate()).isEqualTo(5000);
        assertThat(options.presenceShare()).isEqualTo(0.2);
        assertThat(options.durationSeconds()).isEqualTo(60);
        assertThat(options.warmupSeconds()).isEqualTo(10);
        assertThat(options.receiverEndpoint()).isEmpty();
        assertThat(options.receivers()).isEqualTo(new Endpoint("127.0.0.1", 8080, false));
    }

    @Test
    void typingSendsReceiversToTheSecondUrl() {
        TypingOptions options = TypingOptions.parse(
                List.of("--url", "http://127.0.0.1:8080", "--url2", "http://10.0.0.2:8081", "--presence-share", "0"));

        assertThat(options.errors()).isEmpty();
        assertThat(options.endpoint()).isEqualTo(new Endpoint("127.0.0.1", 8080, false));
        assertThat(options.receivers()).isEqualTo(new Endpoint("10.0.0.2", 8081, false));
        assertThat(options.presenceShare()).isZero();
    }

    @Test
    void typingKeepsEachSenderUnderTheEdgesTypingLimit() {
        assertThat(TypingOptions.parse(List.of("--pairs", "100", "--rate", "200"))
                        .errors())
                .isEmpty();
        assertThat(TypingOptions.parse(List.of("--pairs", "100", "--rate", "250"))
                        .errors())
                .containsExactly("--rate 250 over --pairs 100 is 2.50 events/s per sender, above 2: the edge drops"
                        + " typing frames past 5 per 2 s per socket; raise --pairs to at least 125 or lower --rate"
                        + " to 200");
        assertThat(TypingOptions.parse(List.of("--presence-share", "1.5", "--url2", "ftp://x"))
                        .errors())
                .containsExactlyInAnyOrder(
                        "--presence-share must be between 0 and 1, got 1.5",
                        "--url2 must be http(s)://host[:port], got ftp://x");
    }

    @Test
    void everyModeOffersCompressionOnlyWithTheSwitch() {
        assertThat(ChatOptions.parse(List.of()).compress()).isFalse();
        assertThat(IdleOptions.parse(List.of()).compress()).isFalse();
        assertThat(TypingOptions.parse(List.of()).compress()).isFalse();

        ChatOptions chat = ChatOptions.parse(List.of("--compress", "--users", "10"));
        assertThat(chat.errors()).isEmpty();
        assertThat(chat.compress()).isTrue();
        assertThat(chat.users()).isEqualTo(10);
        assertThat(IdleOptions.parse(List.of("--sockets", "10", "--compress")).compress())
                .isTrue();
        assertThat(TypingOptions.parse(List.of("--compress")).compress()).isTrue();
    }

    @Test
    void aSwitchTakesNoValue() {
        assertThat(ChatOptions.parse(List.of("--compress=yes")).errors())
                .containsExactly("--compress takes no value, got '--compress=yes'");
        assertThat(IdleOptions.parse(List.of("--compress", "true")).errors())
                .containsExactly("unexpected argument 'true'");
        assertThat(LoadGenerator.run(List.of("typing", "--compress=false"))).isEqualTo(2);
    }

    @Test
    void anUnknownModeOrBadFlagsExitWithTwo() {
        assertThat(LoadGenerator.run(List.of("storm"))).isEqualTo(2);
        assertThat(LoadGenerator.run(List.of("chat", "--users", "3"))).isEqualTo(2);
        assertThat(LoadGenerator.run(List.of("idle", "--nope", "1"))).isEqualTo(2);
        assertThat(LoadGenerator.run(List.of("typing", "--pairs", "1", "--rate", "3")))
                .isEqualTo(2);
    }
}
