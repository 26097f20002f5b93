package com.example.accounts.session.training.domain;

import java.util.Objects;
import java.util.UUID;

/** Someone in a training session: a member of the account, or a participant who has no account (TRN-4, TRN-5). */
public record Actor(Kind kind, UUID id) {

    public enum Kind {
        MEMBER,
        PARTICIPANT
    }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Actor member(UUID id) {
        return new Actor(Kind.MEMBER, id);
    }

    public static Actor participant(UUID id) {
        return new Actor(Kind.PARTICIPANT, id);
    }
}
