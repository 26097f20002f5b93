package com.example.accounts.contract.vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages emails are written in (NTF-6), which are also the languages a member or an account may choose. */
public enum Language {
    EN,
    FR,
    ES,
    DE;

    /** NTF-6: the language when neither the recipient nor the account names one. */
    public static final Language DEFAULT = EN;

    private static final List<String> CODES = Arrays.stream(values()).map(Language::code).toList();

    /** The code events and requests carry: {@code en}, {@code fr}, {@code es}, {@code de}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    /** Every language's code, in the order above: what a request's {@code language} must be one of. */
    public static List<String> codes() {
        return CODES;
    }

    /** The language of this code, in any case and with spaces around; empty for none or one not written in. */
    public static Optional<Language> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code.strip())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** NTF-6: the recipient's language, else the account's default language, else English. */
    public static Language pick(String recipient, String account) {
        return of(recipient).or(() -> of(account)).orElse(DEFAULT);
    }
}
