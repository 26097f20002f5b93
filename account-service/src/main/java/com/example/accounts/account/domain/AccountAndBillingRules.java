package com.example.accounts.account.domain;

import com.example.accounts.account.domain.Account.Member;
import com.example.accounts.account.domain.AccountCommand.ChangeBillingInfo;
import com.example.accounts.account.domain.AccountCommand.ChangePlan;
import com.example.accounts.account.domain.AccountCommand.ChangeSettings;
import com.example.accounts.account.domain.AccountCommand.HandOverBillingContact;
import com.example.accounts.account.domain.AccountCommand.OpenAccount;
import com.example.accounts.account.domain.AccountEvent.AccountOpened;
import com.example.accounts.account.domain.AccountEvent.AccountSettingsChanged;
import com.example.accounts.account.domain.AccountEvent.BillingContactChanged;
import com.example.accounts.account.domain.AccountEvent.BillingInfoChanged;
import com.example.accounts.account.domain.AccountEvent.PlanChanged;
import com.example.accounts.account.domain.AccountEvent.UserAdded;
import com.example.accounts.account.domain.Vocabulary.BillingInfo;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.SeatCount;
import com.example.accounts.account.domain.Vocabulary.Settings;
import com.example.accounts.contract.vocabulary.Language;
import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.contract.vocabulary.SupportFeature;
import com.example.accounts.rules.Refusal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.example.accounts.account.domain.AccountGuards.MAX_EMAIL;
import static com.example.accounts.account.domain.AccountGuards.actor;
import static com.example.accounts.account.domain.AccountGuards.email;
import static com.example.accounts.account.domain.AccountGuards.fullAdmin;
import static com.example.accounts.account.domain.AccountGuards.member;
import static com.example.accounts.account.domain.AccountGuards.name;

/** Opening an account, its plan, billing contact and information, and account-wide settings (ACC-1 to ACC-5, BIL-1, BIL-2). Pure. */
final class AccountAndBillingRules {

    static final int MAX_ADDRESS = 500;
    static final int MAX_VAT_ID = 20;
    static final int MAX_PAYMENT_REF = 100;

    private AccountAndBillingRules() {
    }

    static List<AccountEvent> open(OpenAccount open, Account state) {
        if (state.opened()) {
            throw Refusal.conflict(RuleId.ACC_1, "accountId", "the account is already open");
        }
        String accountName = name(RuleId.ACC_1, "name", open.name());
        String memberName = name(RuleId.ACC_1, "admin.name", open.memberName());
        String email = email(RuleId.ACC_1, "admin.email", open.email());
        checkPlan(open.plan());
        // ACC-1: the first member is ADMIN and billing contact; seats come with the seat rules later.
        return List.of(
                new AccountOpened(open.accountId(), accountName, open.plan(), open.firstMemberId()),
                new UserAdded(open.firstMemberId(), open.loginId(), memberName, email, Role.ADMIN, CompanyAccess.ALL,
                        List.of(SupportFeature.values()), false, null));
    }

    private static void checkPlan(Plan plan) {
        Set<Module> modules = new HashSet<>(plan.modules());
        if (modules.size() != plan.modules().size()) {
            throw Refusal.invalid(RuleId.ACC_2, "plan.modules", "lists a module twice");
        }
        Set<Module> counted = new HashSet<>();
        for (SeatCount count : plan.seats()) {
            if (!count.module().seatBearing()) {
                throw Refusal.invalid(RuleId.ACC_2, "plan.seats", count.module() + " is not sold in seats");
            }
            if (!modules.contains(count.module())) {
                throw Refusal.invalid(RuleId.ACC_2, "plan.seats", count.module() + " has seats but is not in the plan's modules");
            }
            if (count.seats() < 0) {
                throw Refusal.invalid(RuleId.ACC_2, "plan.seats", count.module() + " cannot have a negative number of seats");
            }
            if (!counted.add(count.module())) {
                throw Refusal.invalid(RuleId.ACC_2, "plan.seats", count.module() + " is counted twice");
            }
        }
    }

    static List<AccountEvent> handOver(HandOverBillingContact handOver, Account state) {
        Member actor = actor(state, handOver.actorLoginId());
        if (!actor.memberId().equals(state.billingContact())) {
            throw Refusal.forbidden(RuleId.BIL_2, "only the billing contact hands the flag over");
        }
        Member target = member(state, handOver.toMemberId());
        if (target.memberId().equals(actor.memberId())) {
            return List.of();
        }
        if (target.role() != Role.ADMIN) {
            throw Refusal.invalid(RuleId.BIL_1, "memberId", "the billing contact must be an ADMIN; " + target.name() + " is " + target.role());
        }
        return List.of(new BillingContactChanged(actor.memberId(), target.memberId()));
    }

    static List<AccountEvent> changePlan(ChangePlan change, Account state) {
        Member actor = actor(state, change.actorLoginId());
        if (!actor.memberId().equals(state.billingContact())) {
            throw Refusal.forbidden(RuleId.ACC_3, "only the billing contact changes the plan");
        }
        checkPlan(change.plan());
        for (Module module : Module.values()) {
            if (!module.seatBearing()) {
                continue;
            }
            long provisioned = state.seatsInUse(module);
            int asked = change.plan().modules().contains(module)
                    ? change.plan().seats().stream()
                            .filter(s -> s.module() == module).mapToInt(SeatCount::seats).findFirst().orElse(0)
                    : 0;
            if (asked < provisioned) {
                throw Refusal.conflict(RuleId.ACC_3, "plan.seats", module + ": " + provisioned
                        + " seats are provisioned, the plan asks for " + asked + "; release seats first");
            }
        }
        return change.plan().equals(state.plan()) ? List.of() : List.of(new PlanChanged(change.plan()));
    }

    static List<AccountEvent> changeBillingInfo(ChangeBillingInfo change, Account state) {
        Member actor = actor(state, change.actorLoginId());
        if (!actor.memberId().equals(state.billingContact())) {
            throw Refusal.forbidden(RuleId.ACC_3, "only the billing contact changes the billing information");
        }
        BillingInfo asked = change.billingInfo();
        String billingEmail = billingText("billingInfo.email", asked.email(), MAX_EMAIL);
        BillingInfo info = new BillingInfo(billingText("billingInfo.address", asked.address(), MAX_ADDRESS),
                billingEmail == null ? null : email(RuleId.ACC_4, "billingInfo.email", billingEmail),
                billingText("billingInfo.vatId", asked.vatId(), MAX_VAT_ID),
                billingText("billingInfo.paymentMethodRef", asked.paymentMethodRef(), MAX_PAYMENT_REF));
        return info.equals(state.billingInfo()) ? List.of() : List.of(new BillingInfoChanged(info));
    }

    /**
     * ACC-4: card data is refused before anything else looks at it, and the refusal never repeats the value. The
     * length is bounded first, so the scan for card numbers only ever reads a field's worth of text.
     */
    private static String billingText(String field, String raw, int max) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        if (value.length() > max) {
            throw Refusal.invalid(RuleId.ACC_4, field, "must be at most " + max + " characters, was " + value.length());
        }
        if (CardNumbers.anyIn(value)) {
            throw Refusal.invalid(RuleId.ACC_4, field,
                    "looks like a payment card number, which is never stored; give the payment provider's reference instead");
        }
        return value.isEmpty() ? null : value;
    }

    static List<AccountEvent> changeSettings(ChangeSettings change, Account state) {
        fullAdmin(actor(state, change.actorLoginId()), RuleId.ACC_5, "change account-wide settings");
        Settings settings = change.settings();
        if (settings.defaultLanguage() == null || !Language.codes().contains(settings.defaultLanguage())) {
            throw Refusal.invalid(RuleId.ACC_5, "defaultLanguage", "must be one of " + Language.codes());
        }
        return settings.equals(state.settings()) ? List.of() : List.of(new AccountSettingsChanged(settings));
    }
}
