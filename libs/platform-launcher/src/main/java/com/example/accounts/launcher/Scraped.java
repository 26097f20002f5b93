package com.example.accounts.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service's {@code /q/metrics} as Prometheus scrapes it (the text exposition format), for the tests to read a
 * meter's value: the sum of the samples of one name whose labels include the ones asked for.
 */
public final class Scraped {

    private record Sample(String name, String labels, double value) {
    }

    private final List<Sample> samples = new ArrayList<>();

    private Scraped(String text) {
        for (String raw : text.split("\n")) {
            if (raw.isBlank() || raw.startsWith("#")) {
                continue;
            }
            // name{labels} value [timestamp] [# {exemplar labels} value timestamp]; a label's value may hold braces (a uri template)
            int exemplar = raw.indexOf(" # ");
            String line = exemplar < 0 ? raw : raw.substring(0, exemplar);
            int brace = line.indexOf('{');
            int firstSpace = line.indexOf(' ');
            boolean labelled = brace >= 0 && brace < firstSpace;
            int close = labelled ? line.lastIndexOf('}') : -1;
            String name = labelled ? line.substring(0, brace) : line.substring(0, firstSpace);
            String labels = labelled ? line.substring(brace + 1, close) : "";
            String value = line.substring(labelled ? close + 1 : firstSpace).trim().split("\\s+")[0];
            samples.add(new Sample(name, labels, Double.parseDouble(value)));
        }
    }

    public static Scraped of(String text) {
        return new Scraped(text);
    }

    /** Whether any sample has this name (a gauge reading NaN counts: the meter is there). */
    public boolean has(String name) {
        return has(name, Map.of());
    }

    /** Whether any sample named {@code name} carries every label of {@code labels}. */
    public boolean has(String name, Map<String, String> labels) {
        return samples.stream().anyMatch(sample -> matches(sample, name, labels));
    }

    /** The sum of the samples named {@code name} that carry every label of {@code labels}; 0 when none does. */
    public double sum(String name, Map<String, String> labels) {
        return samples.stream().filter(sample -> matches(sample, name, labels)).mapToDouble(Sample::value).sum();
    }

    private static boolean matches(Sample sample, String name, Map<String, String> labels) {
        return sample.name().equals(name) && labels.entrySet().stream()
                .allMatch(label -> ("," + sample.labels()).contains("," + label.getKey() + "=\"" + label.getValue() + "\""));
    }
}
