package com.humanchat.loadgen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line flags {@code --name value} or {@code --name=value}, and switches {@code --name} that take no value:
 * every unknown flag, missing value and bad number is collected, so one run reports them all.
 */
final class Flags {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    private Flags() {}

    /** {@code switches} are the names of {@code known} that take no value; they read as {@link #on(String)}. */
    static Flags parse(List<String> args, Set<String> known, Set<String> switches) {
        Flags flags = new Flags();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                flags.errors.add("unexpected argument '" + arg + "'");
                continue;
            }
            String name;
            String value;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(2, equals);
                value = arg.substring(equals + 1);
                if (switches.contains(name)) {
                    flags.errors.add("--" + name + " takes no value, got '" + arg + "'");
                    continue;
                }
            } else {
                name = arg.substring(2);
                if (switches.contains(name)) {
                    value = "";
                } else if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    flags.errors.add("--" + name + " needs a value");
                    continue;
                } else {
                    value = args.get(++i);
                }
            }
            if (!known.contains(name)) {
                flags.errors.add("unknown flag --" + name);
            } else if (flags.values.put(name, value) != null) {
                flags.errors.add("--" + name + " given twice");
            }
        }
        return flags;
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    void error(String message) {
        errors.add(message);
    }

    /** Whether the switch {@code --name} was given. */
    boolean on(String name) {
        return values.containsKey(name);
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A comma-separated list; empty entries are dropped. */
    List<String> list(String name, List<String> fallback) {
        String raw = values.get(name);
        if (raw == null) {
            return fallback;
        }
        return Arrays.stream(raw.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    int integer(String name, int fallback, int min, int max) {
        String raw = values.get(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < min || value > max) {
                errors.add("--" + name + " must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add("--" + name + " must be a whole number, got '" + raw + "'");
            return fallback;
        }
    }

    double decimal(String name, double fallback, double minExclusive, double max) {
        String raw = values.get(name);
        if (raw == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(raw.strip());
            if (!(value > minExclusive) || value > max) {
                errors.add("--" + name + " must be > " + minExclusive + " and <= " + max + ", got " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add("--" + name + " must be a number, got '" + raw + "'");
            return fallback;
        }
    }

    /** A number in {@code [0, 1]}. */
    double fraction(String name, double fallback) {
        String raw = values.get(name);
        if (raw == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(raw.strip());
            if (!(value >= 0 && value <= 1)) {
                errors.add("--" + name + " must be between 0 and 1, got " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add("--" + name + " must be a number, got '" + raw + "'");
            return fallback;
        }
    }

    Endpoint endpoint(String name, String fallback) {
        return optionalEndpoint(name).orElseGet(() -> Endpoint.parse(name, fallback));
    }

    /** Empty when the flag is absent; a bad URL is listed as an error and also yields empty. */
    Optional<Endpoint> optionalEndpoint(String name) {
        Optional<String> raw = optional(name);
        try {
            return raw.map(url -> Endpoint.parse(name, url));
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return Optional.empty();
        }
    }
}
