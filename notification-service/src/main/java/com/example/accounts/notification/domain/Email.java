package com.example.accounts.notification.domain;

import com.example.accounts.contract.vocabulary.Language;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An email to send because of one event (or invite request): at most one per source and recipient (NTF-5), so the
 * two name it. The values are what its kind's templates show, in the recipient's language.
 */
public record Email(UUID sourceId, UUID accountId, String to, EmailKind kind, Language language, Map<String, Object> values) {

    public Email {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(language, "language");
        to = to.strip().toLowerCase(Locale.ROOT);
        values = Map.copyOf(values);
        if (!values.keySet().equals(Set.copyOf(kind.shows()))) {
            throw new IllegalArgumentException(kind + " shows " + kind.shows() + ", not " + values.keySet());
        }
    }
}
