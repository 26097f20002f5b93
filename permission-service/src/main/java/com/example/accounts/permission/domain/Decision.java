package com.example.accounts.permission.domain;

import java.util.ArrayList;
import java.util.List;

/** PRM-2: allowed or denied, with what decided it and, for a denial, what is missing. */
public record Decision(boolean allowed, List<String> reasons, List<String> missing) {

    public Decision {
        reasons = List.copyOf(reasons);
        missing = List.copyOf(missing);
    }

    static Decision allow(String reason) {
        return new Decision(true, List.of(reason), List.of());
    }

    static Decision deny(String reason, String missing) {
        return new Decision(false, List.of(reason), List.of(missing));
    }

    /** Allowed when every part is; the reasons of all parts, and everything any part misses. */
    static Decision allOf(Decision... parts) {
        boolean allowed = true;
        List<String> reasons = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Decision part : parts) {
            allowed &= part.allowed();
            reasons.addAll(part.reasons());
            missing.addAll(part.missing());
        }
        return new Decision(allowed, reasons, missing);
    }

    /** Allowed when one part is, for that part's reasons; else denied with every part's reasons and what each misses. */
    static Decision anyOf(Decision... parts) {
        for (Decision part : parts) {
            if (part.allowed()) {
                return part;
            }
        }
        List<String> reasons = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Decision part : parts) {
            reasons.addAll(part.reasons());
            missing.add(String.join(" and ", part.missing()));
        }
        return new Decision(false, reasons, List.of(String.join(", or ", missing)));
    }
}
