package com.example.accounts.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids {@link NonMemberOracle} varies: each of the real account's ids with the made-up one sent in its place, in
 * the order they are replaced (an id given for a part of the path first).
 */
final class VariedIds {

    /** Where it applies (a part of the path, or null for everywhere), its name, its real and made-up values. */
    record Id(String under, String name, String real, String madeUp) {
    }

    private final List<Id> ids;

    VariedIds(List<Id> ids) {
        this.ids = List.copyOf(ids);
    }

    boolean isEmpty() {
        return ids.isEmpty();
    }

    /** The real value of each id name on {@code path}: the first given for it that applies there. */
    Map<String, String> realOn(String path) {
        Map<String, String> real = new LinkedHashMap<>();
        for (Id id : ids) {
            if (id.under() == null || path.contains(id.under())) {
                real.putIfAbsent(id.name(), id.real());
            }
        }
        return real;
    }

    /** The text with every real id replaced by its made-up one. */
    String madeUp(String text) {
        String swapped = text;
        for (Id id : ids) {
            swapped = swapped.replace(id.real(), id.madeUp());
        }
        return swapped;
    }

    /** The text with each id (the real ones, or the made-up ones) written as {@code {name}}. */
    String named(String text, boolean real) {
        String written = text;
        for (Id id : ids) {
            written = written.replace(real ? id.real() : id.madeUp(), "{" + id.name() + "}");
        }
        return written;
    }
}
