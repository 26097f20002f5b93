package com.example.accounts.notification.domain;

import java.util.Locale;
import java.util.Optional;

/** The languages emails are written in (NTF-6). */
public enum Language {
    EN, FR, ES, DE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    /** The language of this code ({@code en}, {@code fr}, ...); empty for none or one not written in. */
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
        return of(recipient).or(() -> of(account)).orElse(EN);
    }
}
