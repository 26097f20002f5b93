package com.example.accounts.account.domain;

import com.example.accounts.rules.Refusal;
import com.example.accounts.account.domain.AccountCommand.AddMember;
import com.example.accounts.account.domain.AccountCommand.ChangeRole;
import com.example.accounts.account.domain.AccountCommand.DeleteMember;
import com.example.accounts.account.domain.AccountCommand.OpenAccount;
import com.example.accounts.account.domain.AccountEvent.AccountOpened;
import com.example.accounts.account.domain.AccountEvent.UserAdded;
import com.example.accounts.account.domain.AccountEvent.UserDeleted;
import com.example.accounts.account.domain.AccountEvent.UserProfileChanged;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.Module;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.Role;
import com.example.accounts.account.domain.Vocabulary.SeatCount;
import com.example.accounts.account.domain.Vocabulary.SupportFeature;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Given events, when a command, then events or the rule that refuses it. */
class AccountDeciderTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final UUID ACCOUNT = UUID.randomUUID();
    private static final UUID ADA = UUID.randomUUID();
    private static final Plan PLAN = new Plan(List.of(Module.REMOTE_SUPPORT, Module.TRAINING), List.of(new SeatCount(Module.REMOTE_SUPPORT, 5)));

    private static Account given(AccountEvent... events) {
        Account state = Account.INITIAL;
        for (AccountEvent event : events) {
            state = Account.evolve(state, event);
        }
        return state;
    }

    private static List<AccountEvent> opened() {
        return AccountDecider.decide(new OpenAccount(ACCOUNT, "Acme", PLAN, ADA, "login-ada", "Ada", "ada@acme.test", NOW), Account.INITIAL);
    }

    private static Account openAccount() {
        return given(opened().toArray(AccountEvent[]::new));
    }

    private static AddMember add(String actor, String name, String email, Role role) {
        return new AddMember(actor, UUID.randomUUID(), "login-new", true, name, email, role, null, null, null, NOW);
    }

    @Test
    void ACC1_openingMakesTheFirstMemberAdminAndBillingContact() {
        List<AccountEvent> events = opened();

        assertEquals(new AccountOpened(ACCOUNT, "Acme", PLAN, ADA), events.get(0));
        UserAdded first = (UserAdded) events.get(1);
        assertEquals(Role.ADMIN, first.role());
        assertEquals(ADA, first.memberId());
        assertEquals(CompanyAccess.ALL, first.companyAccess());
        assertEquals(List.of(SupportFeature.values()), first.supportFeatures());
        assertEquals(ADA, openAccount().billingContact());
    }

    @Test
    void ACC1_anAccountOpensOnce() {
        Refusal refused = assertThrows(Refusal.class, () -> AccountDecider.decide(
                new OpenAccount(ACCOUNT, "Again", PLAN, UUID.randomUUID(), "x", "X", "x@acme.test", NOW), openAccount()));
        assertEquals("ACC-1", refused.rule());
    }

    @Test
    void ACC2_seatsOnlyForSeatBearingModulesInThePlan() {
        Plan training = new Plan(List.of(Module.TRAINING), List.of(new SeatCount(Module.TRAINING, 3)));
        Refusal refused = assertThrows(Refusal.class, () -> AccountDecider.decide(
                new OpenAccount(ACCOUNT, "Acme", training, ADA, "login-ada", "Ada", "ada@acme.test", NOW), Account.INITIAL));
        assertEquals("ACC-2", refused.rule());
        assertEquals("plan.seats", refused.field());

        Plan missing = new Plan(List.of(Module.TRAINING), List.of(new SeatCount(Module.REMOTE_SUPPORT, 3)));
        assertEquals("ACC-2", assertThrows(Refusal.class, () -> AccountDecider.decide(
                new OpenAccount(ACCOUNT, "Acme", missing, ADA, "login-ada", "Ada", "ada@acme.test", NOW), Account.INITIAL)).rule());
    }

    @Test
    void USR1_aFullAdminAddsAMemberWithNoFeaturesAndNoCompanyByDefault() {
        List<AccountEvent> events = AccountDecider.decide(add("login-ada", "  Ben  ", "ben@acme.test", Role.STANDARD), openAccount());

        UserAdded added = (UserAdded) events.get(0);
        assertEquals("Ben", added.name());
        assertEquals(Role.STANDARD, added.role());
        assertEquals(List.of(), added.supportFeatures());
        assertEquals(new CompanyAccess(false, List.of()), added.companyAccess());
        assertEquals(true, added.loginCreated());
    }

    @Test
    void USR1_onlyFullAdminsAddMembers() {
        Account state = openAccount();
        UserAdded ben = (UserAdded) AccountDecider.decide(add("login-ada", "Ben", "ben@acme.test", Role.STANDARD), state).get(0);
        Account withBen = Account.evolve(state, new UserAdded(ben.memberId(), "login-ben", "Ben", "ben@acme.test", Role.STANDARD,
                ben.companyAccess(), ben.supportFeatures(), false, null));

        Refusal refused = assertThrows(Refusal.class,
                () -> AccountDecider.decide(add("login-ben", "Cy", "cy@acme.test", Role.STANDARD), withBen));
        assertEquals("USR-1", refused.rule());
        assertEquals(Refusal.Kind.FORBIDDEN, refused.kind());
    }

    @Test
    void ACC6_aCallerOutsideTheAccountFindsNothing() {
        Refusal refused = assertThrows(Refusal.class,
                () -> AccountDecider.decide(add("login-stranger", "Cy", "cy@acme.test", Role.STANDARD), openAccount()));
        assertEquals(Refusal.Kind.NOT_FOUND, refused.kind());
        assertEquals("ACC-6", refused.rule());
    }

    @Test
    void USR1_namesAre1To100CharactersAfterTrimming() {
        assertEquals("name", assertThrows(Refusal.class,
                () -> AccountDecider.decide(add("login-ada", "   ", "cy@acme.test", Role.STANDARD), openAccount())).field());
        assertEquals("name", assertThrows(Refusal.class,
                () -> AccountDecider.decide(add("login-ada", "x".repeat(101), "cy@acme.test", Role.STANDARD), openAccount())).field());
        AccountDecider.decide(add("login-ada", " " + "x".repeat(100) + " ", "cy@acme.test", Role.STANDARD), openAccount());
    }

    @Test
    void USR1_emailsAreValidAndUniqueCaseInsensitively() {
        assertEquals("email", assertThrows(Refusal.class,
                () -> AccountDecider.decide(add("login-ada", "Cy", "not-an-email", Role.STANDARD), openAccount())).field());
        Refusal duplicate = assertThrows(Refusal.class,
                () -> AccountDecider.decide(add("login-ada", "Ada again", "ADA@Acme.Test", Role.STANDARD), openAccount()));
        assertEquals("USR-1", duplicate.rule());
        assertEquals(Refusal.Kind.CONFLICT, duplicate.kind());
    }

    @Test
    void USR3_adminsHaveEveryFeatureAndCompanyWhichCannotBeSetForThem() {
        AddMember withFeatures = new AddMember("login-ada", UUID.randomUUID(), "l", false, "Cy", "cy@acme.test", Role.ADMIN,
                null, List.of(SupportFeature.FILE_TRANSFER), null, NOW);
        assertEquals("USR-3", assertThrows(Refusal.class, () -> AccountDecider.decide(withFeatures, openAccount())).rule());

        UserAdded admin = (UserAdded) AccountDecider.decide(add("login-ada", "Cy", "cy@acme.test", Role.LIMITED_ADMIN), openAccount()).get(0);
        assertEquals(CompanyAccess.ALL, admin.companyAccess());
        assertEquals(List.of(SupportFeature.values()), admin.supportFeatures());
    }

    private static UserAdded userAdded(UUID memberId, String loginId, String email, Role role) {
        return new UserAdded(memberId, loginId, email, email, role, role.admin() ? CompanyAccess.ALL : CompanyAccess.NONE,
                role.admin() ? List.of(SupportFeature.values()) : List.of(), false, null);
    }

    @Test
    void USR13_USR2_aLoginIsAMemberAtMostOnceWhateverEmailItsMembershipShowsNow() {
        UUID lee = UUID.randomUUID();
        List<AccountEvent> history = new ArrayList<>(opened());
        history.add(userAdded(lee, "login-lee", "lee@acme.test", Role.STANDARD));
        history.add(new UserProfileChanged(lee, "Lee", "lee.new@acme.test"));
        Account state = given(history.toArray(AccountEvent[]::new));

        // The admin adds Lee's old address; the identity provider finds Lee's login for it (USR-2).
        AddMember oldAddress = new AddMember("login-ada", UUID.randomUUID(), "login-lee", false, "Lee", "lee@acme.test", Role.ADMIN,
                null, null, null, NOW);
        Refusal refused = assertThrows(Refusal.class, () -> AccountDecider.decide(oldAddress, state));
        assertEquals("USR-13", refused.rule());
        assertEquals(Refusal.Kind.CONFLICT, refused.kind());
        assertEquals("email", refused.field());
    }

    @Test
    void USR13_USR8_aLoginWithALegacyDuplicateActsAsItsEarliestMembershipWhateverTheHashOrder() {
        for (int run = 0; run < 200; run++) {
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            List<AccountEvent> history = new ArrayList<>(opened());
            history.add(userAdded(first, "login-lee", "lee.new@acme.test", Role.ADMIN));
            history.add(userAdded(second, "login-lee", "lee@acme.test", Role.STANDARD)); // written before USR-13 was enforced
            Account state = given(history.toArray(AccountEvent[]::new));

            assertEquals(first, state.memberByLogin("login-lee").orElseThrow().memberId(), "run " + run);
            // USR-8: the same person, through their other membership, changes neither role nor deletes it.
            assertEquals("USR-8", assertThrows(Refusal.class,
                    () -> AccountDecider.decide(new ChangeRole("login-lee", second, Role.ADMIN, NOW), state)).rule());
            assertEquals("USR-8", assertThrows(Refusal.class,
                    () -> AccountDecider.decide(new DeleteMember("login-lee", second, NOW), state)).rule());

            Account afterDeletion = Account.evolve(state, new UserDeleted(first, "login-lee", "lee.new@acme.test"));
            assertEquals(second, afterDeletion.memberByLogin("login-lee").orElseThrow().memberId(), "then the next earliest");
            Account gone = Account.evolve(afterDeletion, new UserDeleted(second, "login-lee", "lee@acme.test"));
            assertEquals(java.util.Optional.empty(), gone.memberByLogin("login-lee"));
        }
    }
}
