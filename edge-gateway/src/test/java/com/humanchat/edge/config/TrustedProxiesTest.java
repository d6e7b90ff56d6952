package com.humanchat.edge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8"));

    static Stream<Arguments> forwardedChains() {
        return Stream.of(
                argumentSet(
                        "a peer that is not a proxy is the client",
                        "203.0.113.9",
                        List.of("198.51.100.1"),
                        "203.0.113.9"),
                argumentSet(
                        "a proxy's peer is the client it names", "10.1.2.3", List.of("198.51.100.1"), "198.51.100.1"),
                argumentSet(
                        "the right-most address that is not a proxy, not the forged left-most one",
                        "10.1.2.3",
                        List.of("1.1.1.1, 198.51.100.1, 192.168.1.7"),
                        "198.51.100.1"),
                argumentSet(
                        "several headers read as one chain",
                        "10.1.2.3",
                        List.of("1.1.1.1", "198.51.100.1, 10.9.9.9"),
                        "198.51.100.1"),
                argumentSet("IPv6", "fd00::1", List.of("2001:db8::5"), "2001:db8::5"),
                argumentSet("an address with a port", "10.1.2.3", List.of("198.51.100.1:4711"), "198.51.100.1"),
                argumentSet("an IPv6 address with a port", "10.1.2.3", List.of("[2001:db8::5]:443"), "2001:db8::5"),
                argumentSet("a name is never resolved", "10.1.2.3", List.of("example.com"), "10.1.2.3"),
                argumentSet("stops at what it cannot read", "10.1.2.3", List.of("unknown, 10.2.2.2"), "10.2.2.2"),
                argumentSet("a block is not an address", "10.1.2.3", List.of("1.2.3.0/24"), "10.1.2.3"),
                argumentSet("no header", "10.1.2.3", List.of(), "10.1.2.3"));
    }

    @ParameterizedTest
    @MethodSource("forwardedChains")
    void takesTheRightMostAddressThatIsNotAProxy(String peer, List<String> forwardedFor, String client) {
        assertThat(proxies.clientAddress(peer, forwardedFor)).isEqualTo(client);
    }

    @Test
    void withoutTrustedProxiesIgnoresForwardedFor() {
        assertThat(TrustedProxies.none().clientAddress("10.1.2.3", List.of("198.51.100.1")))
                .isEqualTo("10.1.2.3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/8", "::1"})
    void acceptsAddressesAndBlocks(String entry) {
        assertThat(TrustedProxies.problemWith(entry)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingress.local", "10.0.0.*"})
    void refusesEntriesThatAreNotAddressesOrBlocks(String entry) {
        assertThat(TrustedProxies.problemWith(entry)).isPresent();
        assertThatThrownBy(() -> TrustedProxies.of(List.of(entry))).isInstanceOf(IllegalArgumentException.class);
    }
}
