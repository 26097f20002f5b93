package com.example.accounts.permission.domain;

import java.util.Locale;
import java.util.UUID;

/** PRM-2's optional resource of a check: a company, device, queue, support or training session, or a member (USR-4). */
public record Resource(Kind kind, UUID id) {

    public enum Kind {
        COMPANY,
        DEVICE,
        QUEUE,
        SESSION,
        MEMBER;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return kind.label() + " " + id;
    }
}
