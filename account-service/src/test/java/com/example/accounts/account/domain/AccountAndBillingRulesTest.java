package com.example.accounts.account.domain;

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
import com.example.accounts.account.domain.AccountEvent.SeatProvisioned;
import com.example.accounts.account.domain.AccountEvent.UserAdded;
import com.example.accounts.account.domain.Vocabulary.BillingInfo;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.SeatCount;
import com.example.accounts.account.domain.Vocabulary.Settings;
import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.contract.vocabulary.SupportFeature;
import com.example.accounts.kit.decider.GivenWhenThen.Given;
import com.example.accounts.rules.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link AccountAndBillingRules}: opening, plan, billing contact and information, settings (ACC-1 to ACC-5, BIL-1, BIL-2). */
class AccountAndBillingRulesTest extends AcmeAccount {

    private static final Plan OPENING_PLAN = new Plan(List.of(Module.REMOTE_SUPPORT, Module.TRAINING), List.of(new SeatCount(Module.REMOTE_SUPPORT, 5)));

    private OpenAccount open(Plan plan) {
        return new OpenAccount(acme, "Acme", plan, ada, "login-ada", "Ada", "ada@acme.test", NOW);
    }

    @Test
    void ACC1_openingMakesTheFirstMemberAdminAndBillingContact() {
        List<AccountEvent> events = ACCOUNT.givenNothing().when(open(OPENING_PLAN)).events();

        assertEquals(new AccountOpened(acme, "Acme", OPENING_PLAN, ada), events.get(0));
        UserAdded first = (UserAdded) events.get(1);
        assertEquals(Role.ADMIN, first.role());
        assertEquals(ada, first.memberId());
        assertEquals(CompanyAccess.ALL, first.companyAccess());
        assertEquals(List.of(SupportFeature.values()), first.supportFeatures());
        assertEquals(ada, ACCOUNT.given(events).state().billingContact());
    }

    @Test
    void ACC1_anAccountOpensOnce() {
        given().when(new OpenAccount(acme, "Again", OPENING_PLAN, UUID.randomUUID(), "x", "X", "x@acme.test", NOW)).thenRefused(RuleId.ACC_1);
    }

    @Test
    void ACC2_seatsOnlyForSeatBearingModulesInThePlan() {
        Plan training = new Plan(List.of(Module.TRAINING), List.of(new SeatCount(Module.TRAINING, 3)));
        Refusal refused = ACCOUNT.givenNothing().when(open(training)).thenRefused(RuleId.ACC_2);
        assertEquals("plan.seats", refused.field());

        Plan missing = new Plan(List.of(Module.TRAINING), List.of(new SeatCount(Module.REMOTE_SUPPORT, 3)));
        ACCOUNT.givenNothing().when(open(missing)).thenRefused(RuleId.ACC_2);
    }

    @Test
    void BIL2_BIL1_theFlagGoesToAnotherAdminInOneStepAndTheOldHolderStaysAdmin() {
        UUID ben = member("ben", Role.ADMIN);
        UUID cy = member("cy", Role.STANDARD);
        Given<Account, AccountCommand, AccountEvent> acme = given();

        acme.when(new HandOverBillingContact("ada", cy, NOW)).thenRefused(RuleId.BIL_1);
        acme.when(new HandOverBillingContact("ben", ben, NOW)).thenRefused(RuleId.BIL_2);
        Account handedOver = acme.when(new HandOverBillingContact("ada", ben, NOW)).then(new BillingContactChanged(ada, ben)).state();
        assertEquals(ben, handedOver.billingContact());
        assertEquals(Role.ADMIN, handedOver.members().get(ada).role());
    }

    @Test
    void ACC3_onlyTheBillingContactChangesThePlanAndNeverBelowTheSeatsProvisioned() {
        UUID ben = member("ben", Role.ADMIN);
        Given<Account, AccountCommand, AccountEvent> acme = given(new SeatProvisioned(ada, Module.REMOTE_SUPPORT),
                new SeatProvisioned(ben, Module.REMOTE_SUPPORT));
        Plan smaller = new Plan(List.of(Module.REMOTE_SUPPORT), List.of(new SeatCount(Module.REMOTE_SUPPORT, 1)));

        acme.when(new ChangePlan("ben", smaller, NOW)).thenRefused(RuleId.ACC_3);
        Refusal below = acme.when(new ChangePlan("ada", smaller, NOW)).thenRefused(RuleId.ACC_3);
        assertEquals("REMOTE_SUPPORT: 2 seats are provisioned, the plan asks for 1; release seats first", below.getMessage());
        Refusal dropped = acme.when(new ChangePlan("ada", new Plan(List.of(Module.TRAINING), List.of()), NOW)).thenRefused(RuleId.ACC_3);
        assertTrue(dropped.getMessage().startsWith("REMOTE_SUPPORT: 2 seats are provisioned, the plan asks for 0"), dropped.getMessage());

        Plan bigger = new Plan(List.of(Module.REMOTE_SUPPORT, Module.TRAINING), List.of(new SeatCount(Module.REMOTE_SUPPORT, 5)));
        acme.when(new ChangePlan("ada", bigger, NOW)).then(new PlanChanged(bigger));
    }

    @Test
    void ACC4_cardNumbersAreRefusedInEveryBillingFieldAndTheRefusalNeverRepeatsThem() {
        UUID ben = member("ben", Role.ADMIN);
        Given<Account, AccountCommand, AccountEvent> acme = given();
        String card = "4111 1111 1111 1111";
        for (BillingInfo withCard : List.of(new BillingInfo("Main St " + card, null, null, null), new BillingInfo(null, null, null, "4111-1111-1111-1111"),
                new BillingInfo(null, null, "DE" + card.replace(" ", ""), null), new BillingInfo(null, "4111111111111111@acme.test", null, null))) {
            Refusal refused = acme.when(new ChangeBillingInfo("ada", withCard, NOW)).thenRefused(RuleId.ACC_4);
            assertTrue(refused.field().startsWith("billingInfo."), refused.field());
            assertTrue(!refused.getMessage().contains("1111"), refused.getMessage());
        }
        BillingInfo fine = new BillingInfo("1 Main St, 10115 Berlin", "Billing@Acme.test", "DE123456789", "pm_1Nv0aX2eZvKYlo2C");
        acme = acme.when(new ChangeBillingInfo("ada", fine, NOW))
                .then(new BillingInfoChanged(new BillingInfo("1 Main St, 10115 Berlin", "billing@acme.test", "DE123456789", "pm_1Nv0aX2eZvKYlo2C")));
        acme.when(new ChangeBillingInfo("ben", fine, NOW)).as("an admin who is not the billing contact may not").thenRefused(RuleId.ACC_3);
        acme.when(new ChangeBillingInfo("ada", new BillingInfo(null, "not-an-email", null, null), NOW)).thenRefused(RuleId.ACC_4);
        acme.when(new ChangeBillingInfo("ada", new BillingInfo(null, null, "X".repeat(21), null), NOW)).thenRefused(RuleId.ACC_4);
        assertEquals(ben, acme.state().members().get(ben).memberId());
    }

    @Test
    void ACC4_EVT5_cardNumbersWrittenWithOtherSeparatorsDigitsOrACvvAreRefusedAndAHugeDigitRunIsBoundedFirst() {
        Given<Account, AccountCommand, AccountEvent> acme = given();
        for (String written : List.of("4111.1111.1111.1111", "4111/1111/1111/1111", "4111   1111  1111 1111", "4111 1111 1111 1111 123",
                "4111111111111111 12/28", "\u0664\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661",
                "\uFF14\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11")) {
            Refusal refused = acme.when(new ChangeBillingInfo("ada", new BillingInfo(null, null, null, written), NOW)).as(written).thenRefused(RuleId.ACC_4);
            assertEquals("billingInfo.paymentMethodRef", refused.field(), written);
        }
        Refusal huge = acme.when(new ChangeBillingInfo("ada", new BillingInfo("4".repeat(40_000), null, null, null), NOW)).thenRefused(RuleId.ACC_4);
        assertEquals("billingInfo.address", huge.field());
        assertTrue(!huge.getMessage().contains("4444"), huge.getMessage());
        assertEquals(BillingInfo.NONE, acme.state().billingInfo());
    }

    @Test
    void ACC4_digitsThatFailLuhnOrAreTooShortAreNoCardNumber() {
        Account after = given().when(new ChangeBillingInfo("ada", new BillingInfo("PO Box 4111 1111 1111 1112", null, "123456789012", null), NOW))
                .accepted().state();
        assertEquals("PO Box 4111 1111 1111 1112", after.billingInfo().address());
    }

    @Test
    void ACC5_onlyFullAdminsChangeAccountWideSettings() {
        member("ben", Role.STANDARD);
        member("lia", Role.LIMITED_ADMIN);
        Given<Account, AccountCommand, AccountEvent> acme = given();
        assertEquals(Settings.DEFAULTS, acme.state().settings());
        Settings quiet = new Settings(false, false, "de");

        acme.when(new ChangeSettings("ben", quiet, NOW)).thenRefused(RuleId.ACC_5);
        acme.when(new ChangeSettings("lia", quiet, NOW)).thenRefused(RuleId.ACC_5);
        Refusal language = acme.when(new ChangeSettings("ada", new Settings(true, true, "xx"), NOW)).thenRefused(RuleId.ACC_5);
        assertEquals("defaultLanguage", language.field());
        acme.when(new ChangeSettings("ada", quiet, NOW)).then(new AccountSettingsChanged(quiet))
                .when(new ChangeSettings("ada", quiet, NOW)).thenNothing();
    }

    @Test
    void SEC2_ACC5_noDefaultLanguageIsRefusedNamingTheField() {
        Refusal missing = given().when(new ChangeSettings("ada", new Settings(true, true, null), NOW)).thenRefused(RuleId.ACC_5);
        assertEquals("defaultLanguage", missing.field());
    }
}
