package com.example.accounts.account.domain;

import com.example.accounts.contract.vocabulary.CcPermission;
import com.example.accounts.contract.vocabulary.Language;
import com.example.accounts.contract.vocabulary.Module;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** The account model's value types. */
public final class Vocabulary {

    private Vocabulary() {
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

    /** CMP-3: groups of members, and groups of devices. Names are unique per kind. */
    public enum GroupKind {
        USER,
        DEVICE
    }

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
        public static final Settings DEFAULTS = new Settings(true, true, Language.DEFAULT.code());
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
