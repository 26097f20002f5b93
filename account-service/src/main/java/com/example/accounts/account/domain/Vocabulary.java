package com.example.accounts.account.domain;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The account model's value types. */
public final class Vocabulary {

    private Vocabulary() {
    }

    public enum Role { ADMIN, LIMITED_ADMIN, STANDARD, MONITORING_OBSERVER;

        /** USR-3: full and limited admins have every company and support feature. */
        public boolean admin() {
            return this == ADMIN || this == LIMITED_ADMIN;
        }
    }

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

    /** ACC-4: where and how the account is billed. The payment method is an opaque reference, never card data. */
    public record BillingInfo(String address, String email, String vatId, String paymentMethodRef) {
        public static final BillingInfo NONE = new BillingInfo(null, null, null, null);
    }

    /**
     * ACC-5: account-wide settings. An account opens with server-sent invite emails and co-organizers allowed and
     * English as its default language.
     */
    public record Settings(boolean serverInviteEmails, boolean coOrganizers, String defaultLanguage) {
        public static final Settings DEFAULTS = new Settings(true, true, "en");
    }

    /** CMP-2: all companies, or a list (an empty list reaches none). */
    public record CompanyAccess(boolean all, List<UUID> companies) {
        public static final CompanyAccess ALL = new CompanyAccess(true, List.of());
        public static final CompanyAccess NONE = new CompanyAccess(false, List.of());

        public CompanyAccess {
            companies = List.copyOf(Objects.requireNonNull(companies));
        }

        public CompanyAccess without(UUID companyId) {
            return new CompanyAccess(all, companies.stream().filter(c -> !c.equals(companyId)).toList());
        }
    }
}
