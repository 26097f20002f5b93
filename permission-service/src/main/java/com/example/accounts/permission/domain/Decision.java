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
}
