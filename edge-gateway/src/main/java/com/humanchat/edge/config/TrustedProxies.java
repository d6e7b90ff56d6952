package com.humanchat.edge.config;

import inet.ipaddr.HostName;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who the client is behind our own proxies ({@code HUMANCHAT_TRUSTED_PROXIES}: addresses and CIDR blocks).
 * {@code X-Forwarded-For} is honoured only when the TCP peer is a trusted proxy, and then read from the right: each
 * trusted proxy appended the address it saw, so the right-most address that is not one of ours is the client. Anything
 * left of it was written by the client and may be forged. No entry is ever resolved through DNS.
 */
public final class TrustedProxies {

    private final List<IPAddress> proxies;

    private TrustedProxies(List<IPAddress> proxies) {
        this.proxies = proxies;
    }

    /** No proxy trusted: the TCP peer is always the client. */
    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /**
     * @param entries addresses ({@code 10.0.0.7}, {@code ::1}) and CIDR blocks ({@code 10.0.0.0/8}), each valid
     *     (see {@link #problemWith})
     */
    public static TrustedProxies of(List<String> entries) {
        List<IPAddress> proxies = new ArrayList<>();
        for (String entry : entries) {
            problemWith(entry).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            proxies.add(new IPAddressString(entry.strip()).getAddress().toPrefixBlock());
        }
        return new TrustedProxies(List.copyOf(proxies));
    }

    /** Why {@code entry} is not an address or a CIDR block, for configuration errors; empty when it is one. */
    public static Optional<String> problemWith(String entry) {
        IPAddress address = new IPAddressString(entry.strip()).getAddress();
        boolean addressOrBlock = address != null && (address.isPrefixed() || !address.isMultiple());
        return addressOrBlock
                ? Optional.empty()
                : Optional.of("'" + entry + "' is not an IP address or CIDR block (like 10.0.0.0/8 or fd00::/8)");
    }

    /**
     * The client's address.
     *
     * @param peer the TCP peer's address as Vert.x reports it (may be null for a closed connection)
     * @param forwardedFor every {@code X-Forwarded-For} header of the request, in order
     */
    public String clientAddress(String peer, List<String> forwardedFor) {
        IPAddress peerAddress = parse(peer);
        if (peerAddress == null) {
            return peer == null ? "unknown" : peer;
        }
        if (!trusted(peerAddress) || forwardedFor.isEmpty()) {
            return peerAddress.toCanonicalString();
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        IPAddress client = peerAddress;
        for (int i = hops.size() - 1; i >= 0; i--) {
            IPAddress hop = parse(hops.get(i));
            if (hop == null) {
                // A trusted proxy wrote what we cannot read: the last address we could trust is as far as we get.
                break;
            }
            client = hop;
            if (!trusted(hop)) {
                break;
            }
        }
        return client.toCanonicalString();
    }

    private boolean trusted(IPAddress address) {
        for (IPAddress proxy : proxies) {
            if (proxy.getIPVersion() == address.getIPVersion() && proxy.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An address, with or without a port ({@code 1.2.3.4:5678}, {@code [::1]:80}); null when it is none. */
    private static IPAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        IPAddress address = new IPAddressString(text).getAddress();
        if (address == null) {
            HostName host = new HostName(text);
            address = host.isAddress() ? host.asAddress() : null;
        }
        return address == null || address.isPrefixed() || address.isMultiple() ? null : address;
    }
}
