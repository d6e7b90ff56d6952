package com.humanchat.loadgen;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The edge's heap in use, read from its Prometheus text: the sum of every {@code jvm_memory_used_bytes} series
 * labelled {@code area="heap"} (one per heap pool); empty when there is no such series.
 */
final class PrometheusHeap {

    static final String METRIC = "jvm_memory_used_bytes";

    private PrometheusHeap() {}

    static OptionalLong heapUsedBytes(String exposition) {
        double sum = 0;
        boolean found = false;
        for (String rawLine : exposition.split("\n")) {
            String line = rawLine.strip();
            if (line.isEmpty() || line.startsWith("#") || !line.startsWith(METRIC)) {
                continue;
            }
            Sample sample = parseSample(line);
            if (sample == null || !sample.name.equals(METRIC) || !"heap".equals(sample.labels.get("area"))) {
                continue;
            }
            if (Double.isFinite(sample.value)) {
                sum += sample.value;
                found = true;
            }
        }
        return found ? OptionalLong.of(Math.round(sum)) : OptionalLong.empty();
    }

    /** Parses {@code name{k="v",…} value [timestamp]}; null if the line is not a well-formed sample. */
    private static Sample parseSample(String line) {
        int i = 0;
        int length = line.length();
        while (i < length && line.charAt(i) != '{' && !Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        String name = line.substring(0, i);
        Map<String, String> labels = new HashMap<>();
        if (i < length && line.charAt(i) == '{') {
            i++;
            while (true) {
                i = skipSpaces(line, i);
                if (i >= length) {
                    return null;
                }
                if (line.charAt(i) == '}') {
                    i++;
                    break;
                }
                int equals = line.indexOf('=', i);
                if (equals < 0) {
                    return null;
                }
                String key = line.substring(i, equals).strip();
                i = skipSpaces(line, equals + 1);
                if (i >= length || line.charAt(i) != '"') {
                    return null;
                }
                StringBuilder value = new StringBuilder();
                i++;
                while (i < length && line.charAt(i) != '"') {
                    char c = line.charAt(i);
                    if (c == '\\' && i + 1 < length) {
                        char escaped = line.charAt(++i);
                        value.append(escaped == 'n' ? '\n' : escaped);
                    } else {
                        value.append(c);
                    }
                    i++;
                }
                if (i >= length) {
                    return null;
                }
                labels.put(key, value.toString());
                i = skipSpaces(line, i + 1);
                if (i < length && line.charAt(i) == ',') {
                    i++;
                }
            }
        }
        String[] rest = line.substring(i).strip().split("\\s+");
        if (rest.length == 0 || rest[0].isEmpty()) {
            return null;
        }
        try {
            return new Sample(name, labels, parseValue(rest[0]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double parseValue(String token) {
        return switch (token) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(token);
        };
    }

    private static int skipSpaces(String line, int i) {
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private record Sample(String name, Map<String, String> labels, double value) {}
}
