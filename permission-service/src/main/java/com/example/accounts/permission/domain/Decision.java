package com.example.accounts.permission.domain;

import java.util.List;

/** PRM-2: allowed or denied, with what decided it and, for a denial, what is missing. */
public record Decision(boolean allowed, List<String> reasons, List<String> missing) {

    static Decision allow(String reason) {
        return new Decision(true, List.of(reason), List.of());
    }

    static Decision deny(String reason, String missing) {
        return new Decision(false, List.of(reason), List.of(missing));
    }

    /** Allowed when every part is; the reasons of all parts, and everything any part misses. */
    static Decision allOf(Decision... parts) {
        boolean allowed = true;
        List<String> reasons = new java.util.ArrayList<>();
        List<String> missing = new java.util.ArrayList<>();
        for (Decision part : parts) {
            allowed &= part.allowed();
            reasons.addAll(part.reasons());
            missing.addAll(part.missing());
        }
        return new Decision(allowed, List.copyOf(reasons), List.copyOf(missing));
    }
}
