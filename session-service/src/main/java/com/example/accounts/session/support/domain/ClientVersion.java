package com.example.accounts.session.support.domain;

import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.rules.Refusal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FEAT-2: a technician client's version, {@code 2.3.818} or {@code 2.3 build 818}, as given (stripped), and whether it
 * honours feature restrictions: from 2.3 build 818 on.
 */
public record ClientVersion(String version, boolean featureAware) {

    /** FEAT-2: the first technician client that honours feature restrictions. */
    static final int[] FEATURE_AWARE_CLIENT = {2, 3, 818};
    private static final Pattern FORM = Pattern.compile("^(\\d{1,4})\\.(\\d{1,4})(?:\\.|\\s+build\\s+)(\\d{1,6})$");

    /** The version given in {@code field}; a missing or malformed one is a 422 naming FEAT-2 and the field. */
    public static ClientVersion of(String field, String given) {
        if (given == null || given.isBlank()) {
            throw Refusal.invalid(RuleId.FEAT_2, field, "is required: the technician client's version, e.g. 2.3.818 or '2.3 build 818'");
        }
        Matcher m = FORM.matcher(given.strip());
        if (!m.matches()) {
            throw Refusal.invalid(RuleId.FEAT_2, field, "must look like 2.3.818 or '2.3 build 818'");
        }
        int[] version = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
        for (int i = 0; i < 3; i++) {
            if (version[i] != FEATURE_AWARE_CLIENT[i]) {
                return new ClientVersion(given.strip(), version[i] > FEATURE_AWARE_CLIENT[i]);
            }
        }
        return new ClientVersion(given.strip(), true);
    }
}
