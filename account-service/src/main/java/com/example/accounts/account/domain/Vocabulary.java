package com.example.accounts.account.domain;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The account model's value types. */
public final class Vocabulary {

    private Vocabulary() {
    }

    public enum Role { ADMIN, LIMITED_ADMIN, STANDARD, MONITORING_OBSERVER }

    public enum Module { REMOTE_SUPPORT, SERVICE_DESK, MONITORING, TRAINING, CONTACT_CENTER;

        /** Modules sold in seats (ACC-2); MONITORING and TRAINING need none. */
        public boolean seatBearing() {
            return this == REMOTE_SUPPORT || this == SERVICE_DESK || this == CONTACT_CENTER;
        }
    }

    public enum SupportFeature { UNATTENDED_ACCESS, FILE_TRANSFER, REMOTE_CONTROL }

    /** ACC-2: the modules of the account and, for seat-bearing ones, the seats bought. */
    public record Plan(List<Module> modules, List<SeatCount> seats) {
        public Plan {
            modules = List.copyOf(modules);
            seats = List.copyOf(seats);
        }
    }

    public record SeatCount(Module module, int seats) {
    }

    /** CMP-2: all companies, or a list (an empty list reaches none). */
    public record CompanyAccess(boolean all, List<UUID> companies) {
        public static final CompanyAccess ALL = new CompanyAccess(true, List.of());

        public CompanyAccess {
            companies = List.copyOf(Objects.requireNonNull(companies));
        }
    }
}
