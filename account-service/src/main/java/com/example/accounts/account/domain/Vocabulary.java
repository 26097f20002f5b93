package com.example.accounts.account.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;
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

    /** Contact-center roles, held beside the account role, any number per member. */
    public enum CcRole { CONTACT_ADMIN, SUPERVISOR, AGENT }

    /** How a member is assigned to a queue (CC-1). */
    public enum QueueRole { AGENT, SUPERVISOR }

    /** CC-3 (supervisor) and CC-4 (agent) permissions, set per contact-center role (CC-2). */
    public enum CcPermission {
        CONFIG_PORTAL_ACCESS(true), LIMIT_TO_ASSIGNED_QUEUES(true), VIEW_QUEUE_SETTINGS(true), MANAGE_QUEUE_SETTINGS(true),
        VIEW_BREAK_REASONS(true), MANAGE_BREAK_REASONS(true), VIEW_SKILLS(true), MANAGE_SKILLS(true),
        MANAGE_PRERECORDED_MESSAGES(false), MANAGE_PUBLIC_CANNED_MESSAGES(false), CREATE_CUSTOM_LABELS(false);

        private final boolean supervisor;

        CcPermission(boolean supervisor) {
            this.supervisor = supervisor;
        }

        public boolean supervisor() {
            return supervisor;
        }
    }

    /**
     * The contact center's role permissions and organization settings. An account starts with CC-3's and CC-4's
     * defaults: supervisors limited to their queues and seeing queue settings, agents with nothing extra, and
     * agents free to log into any queue.
     */
    public record ContactCenter(Set<CcPermission> supervisorPermissions, Set<CcPermission> agentPermissions,
                                boolean restrictUnassignedQueueLogin) {
        public static final ContactCenter DEFAULTS = new ContactCenter(
                Set.of(CcPermission.LIMIT_TO_ASSIGNED_QUEUES, CcPermission.VIEW_QUEUE_SETTINGS), Set.of(), false);

        public ContactCenter {
            supervisorPermissions = Set.copyOf(supervisorPermissions);
            agentPermissions = Set.copyOf(agentPermissions);
        }
    }

    /** INV-6: what a security policy lets an invited external technician do. */
    public enum PolicyPermission { VIEW_SCREEN, CHAT, REMOTE_CONTROL, FILE_TRANSFER }

    /** CMP-3: groups of members, and groups of devices. Names are unique per kind. */
    public enum GroupKind { USER, DEVICE }

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
