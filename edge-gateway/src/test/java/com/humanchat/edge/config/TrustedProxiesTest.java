package com.humanchat.edge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8"));

    @Test
    void ignoresForwardedForFromAPeerThatIsNotAProxy() {
        assertThat(proxies.clientAddress("203.0.113.9", List.of("198.51.100.1")))
                .isEqualTo("203.0.113.9");
        assertThat(TrustedProxies.none().clientAddress("10.1.2.3", List.of("198.51.100.1")))
                .isEqualTo("10.1.2.3");
    }

    @Test
    void takesTheRightMostAddressThatIsNotAProxy() {
        assertThat(proxies.clientAddress("10.1.2.3", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        // the client forged the left-most entry; our two proxies appended what they saw
        assertThat(proxies.clientAddress("10.1.2.3", List.of("1.1.1.1, 198.51.100.1, 192.168.1.7")))
                .isEqualTo("198.51.100.1");
        assertThat(proxies.clientAddress("10.1.2.3", List.of("1.1.1.1", "198.51.100.1, 10.9.9.9")))
                .isEqualTo("198.51.100.1");
        assertThat(proxies.clientAddress("fd00::1", List.of("2001:db8::5"))).isEqualTo("2001:db8::5");
    }

    @Test
    void readsAddressesWithPorts() {
        assertThat(proxies.clientAddress("10.1.2.3", List.of("198.51.100.1:4711")))
                .isEqualTo("198.51.100.1");
        assertThat(proxies.clientAddress("10.1.2.3", List.of("[2001:db8::5]:443")))
                .isEqualTo("2001:db8::5");
    }

    @Test
    void stopsAtWhatItCannotReadAndNeverResolvesNames() {
        assertThat(proxies.clientAddress("10.1.2.3", List.of("example.com"))).isEqualTo("10.1.2.3");
        assertThat(proxies.clientAddress("10.1.2.3", List.of("unknown, 10.2.2.2")))
                .isEqualTo("10.2.2.2");
        assertThat(proxies.clientAddress("10.1.2.3", List.of("1.2.3.0/24"))).isEqualTo("10.1.2.3");
        assertThat(proxies.clientAddress("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
    }

    @Test
    void refusesEntriesThatAreNotAddressesOrBlocks() {
        assertThat(TrustedProxies.problemWith("10.0.0.0/8")).isEmpty();
        assertThat(TrustedProxies.problemWith("::1")).isEmpty();
        assertThat(TrustedProxies.problemWith("ingress.local")).isPresent();
        assertThat(TrustedProxies.problemWith("10.0.0.*")).isPresent();
        assertThatThrownBy(() -> TrustedProxies.of(List.of("nope"))).isInstanceOf(IllegalArgumentException.class);
    }
}
