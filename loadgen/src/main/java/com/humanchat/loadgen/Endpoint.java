package com.humanchat.loadgen;

import java.net.URI;
import java.net.URISyntaxException;

/** Where the platform listens: the scheme, host and port of {@code --url}; paths come from the API. */
record Endpoint(String host, int port, boolean ssl) {

    static Endpoint parse(String url) {
        return parse("url", url);
    }

    /** Reads the value of the flag {@code --flag}, which the error messages name. */
    static Endpoint parse(String flag, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--" + flag + " is not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        boolean ssl =
                switch (scheme) {
                    case "http", "ws" -> false;
                    case "https", "wss" -> true;
                    default ->
                        throw new IllegalArgumentException("--" + flag + " must be http(s)://host[:port], got " + url);
                };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("--" + flag + " has no host: " + url);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        return new Endpoint(uri.getHost(), port, ssl);
    }

    @Override
    public String toString() {
        return (ssl ? "https://" : "http://") + host + ":" + port;
    }
}
