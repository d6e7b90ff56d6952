package com.humanchat.schemas.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads {@code HUMANCHAT_*} variables for a service's typed config record and collects every problem instead of
 * stopping at the first, so an operator fixes the environment in one go. A blank value counts as unset.
 */
public final class EnvironmentReader {

    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    public EnvironmentReader(Map<String, String> env) {
        this.env = env;
    }

    /** The trimmed value, or {@code null} when unset or blank. */
    public String optional(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String optional(String name, String fallback) {
        String value = optional(name);
        return value == null ? fallback : value;
    }

    /** The value; a problem saying what the variable is for when it is missing. */
    public String required(String name, String meaning) {
        String value = optional(name);
        if (value == null) {
            problems.add(name + " is required (" + meaning + ")");
        }
        return value;
    }

    /** A required value turned into a type; the parser's {@link IllegalArgumentException} becomes a problem. */
    public <T> T required(String name, String meaning, Function<String, T> parser) {
        String value = required(name, meaning);
        return value == null ? null : parse(name, value, parser, null);
    }

    /** An optional value turned into a type, or {@code fallback} when unset or invalid (invalid is a problem). */
    public <T> T optional(String name, Function<String, T> parser, T fallback) {
        String value = optional(name);
        return value == null ? fallback : parse(name, value, parser, fallback);
    }

    /** A whole number within {@code [min, max]}, or {@code fallback} when unset; anything else is a problem. */
    public int integer(String name, int fallback, int min, int max) {
        String value = optional(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                problems.add(name + " must be between " + min + " and " + max + ", was " + parsed);
                return fallback;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(name + " must be a whole number, was '" + value + "'");
            return fallback;
        }
    }

    /** The trimmed value of a setting, or {@code null} when unset or blank. */
    public String optional(Setting setting) {
        return optional(setting.name());
    }

    /** The value of a setting, or its literal default. */
    public String withDefault(Setting setting) {
        return optional(setting.name(), setting.literalDefault());
    }

    /** The value of a required setting; a problem saying what it is for when it is missing. */
    public String required(Setting setting) {
        return required(setting.name(), setting.meaning());
    }

    public <T> T required(Setting setting, Function<String, T> parser) {
        return required(setting.name(), setting.meaning(), parser);
    }

    public <T> T optional(Setting setting, Function<String, T> parser, T fallback) {
        return optional(setting.name(), parser, fallback);
    }

    /**
     * An {@code http://} or {@code https://} URL with a host, or {@code fallback} when unset; anything else is a
     * problem (and answers {@code fallback}).
     */
    public String httpUrl(Setting setting, String fallback) {
        String value = optional(setting);
        if (value == null) {
            return fallback;
        }
        if (!isHttpUrl(value)) {
            problems.add(setting.name() + " must be an http:// or https:// URL, not '" + value + "'");
            return fallback;
        }
        return value;
    }

    /** A whole number within {@code [min, max]}, or the setting's literal default when unset. */
    public int integer(Setting setting, int min, int max) {
        return integer(setting.name(), Integer.parseInt(setting.literalDefault()), min, max);
    }

    /** A whole number within {@code [min, max]}, or a computed {@code fallback} when unset. */
    public int integer(Setting setting, int fallback, int min, int max) {
        return integer(setting.name(), fallback, min, max);
    }

    /** {@code true} or {@code false} (any case), or the setting's literal default when unset. */
    public boolean bool(Setting setting) {
        String value = optional(setting.name());
        if (value == null) {
            return Boolean.parseBoolean(setting.literalDefault());
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            problems.add(setting.name() + " must be true or false, was '" + value + "'");
            return Boolean.parseBoolean(setting.literalDefault());
        }
        return Boolean.parseBoolean(value);
    }

    /** Records a problem found by the caller (a rule across variables, a value too weak…). */
    public void problem(String message) {
        problems.add(message);
    }

    /** Ends reading: throws with every problem found, if any. */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private <T> T parse(String name, String value, Function<String, T> parser, T fallback) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            problems.add(name + " is invalid: " + e.getMessage());
            return fallback;
        }
    }
}
