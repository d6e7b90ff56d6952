package com.humanchat.schemas.config;

/**
 * {@link Settings#PUBLIC_URL}, read alike by every service that builds a link to the web client (the edge's
 * verification links, the payments worker's Stripe onboarding return), so that they all point to the same place.
 */
public final class PublicUrl {

    private PublicUrl() {}

    /**
     * The address users open the web client at, without a trailing slash: the variable, or by default the edge's own
     * address on this machine, {@code http://localhost:<httpPort>} ({@code 8080} when {@code httpPort} is 0, a port
     * chosen at random that no link can name). Anything but an http(s) URL is a problem in {@code r}.
     */
    public static String read(EnvironmentReader r, int httpPort) {
        String url = r.httpUrl(Settings.PUBLIC_URL, "http://localhost:" + (httpPort == 0 ? 8080 : httpPort));
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
