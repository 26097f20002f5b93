package com.example.accounts.account.domain;

import com.example.accounts.account.domain.AccountCommand.AddMember;
import com.example.accounts.account.domain.AccountCommand.ChangeCompanyAccess;
import com.example.accounts.account.domain.AccountCommand.ChangeProfile;
import com.example.accounts.account.domain.AccountCommand.ChangeRole;
import com.example.accounts.account.domain.AccountCommand.ChangeSupportFeatures;
import com.example.accounts.account.domain.AccountCommand.DeleteMember;
import com.example.accounts.account.domain.AccountCommand.HandOverBillingContact;
import com.example.accounts.account.domain.AccountEvent.BillingContactChanged;
import com.example.accounts.account.domain.AccountEvent.CompanyAccessChanged;
import com.example.accounts.account.domain.AccountEvent.RoleChanged;
import com.example.accounts.account.domain.AccountEvent.SupportFeaturesChanged;
import com.example.accounts.account.domain.AccountEvent.UserAdded;
import com.example.accounts.account.domain.AccountEvent.UserDeleted;
import com.example.accounts.account.domain.AccountEvent.UserProfileChanged;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.contract.vocabulary.SupportFeature;
import com.example.accounts.kit.decider.GivenWhenThen.Given;
import com.example.accounts.rules.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link MemberRules}: adding members, roles, deletion, profiles, company access and support features. */
class MemberRulesTest extends AcmeAccount {

    private static AddMember add(String actor, String name, String email, Role role) {
        return new AddMember(actor, UUID.randomUUID(), "login-new", true, name, email, role, null, null, null, NOW);
    }

    /** A member whose name is their email, as a history may hold one. */
    private static UserAdded userAdded(UUID memberId, String loginId, String email, Role role) {
        return new UserAdded(memberId, loginId, email, email, role, role.admin() ? CompanyAccess.ALL : CompanyAccess.NONE,
                role.admin() ? List.of(SupportFeature.values()) : List.of(), false, null);
    }

    @Test
    void USR1_aFullAdminAddsAMemberWithNoFeaturesAndNoCompanyByDefault() {
        List<AccountEvent> events = given().when(add("ada", "  Ben  ", "ben@acme.test", Role.STANDARD)).events();

        UserAdded added = (UserAdded) events.get(0);
        assertEquals("Ben", added.name());
        assertEquals(Role.STANDARD, added.role());
        assertEquals(List.of(), added.supportFeatures());
        assertEquals(new CompanyAccess(false, List.of()), added.companyAccess());
        assertEquals(true, added.loginCreated());
    }

    @Test
    void USR1_onlyFullAdminsAddMembers() {
        member("ben", Role.STANDARD);
        given().when(add("ben", "Cy", "cy@acme.test", Role.STANDARD)).thenRefused(RuleId.USR_1, Refusal.Kind.FORBIDDEN);
    }

    @Test
    void USR1_namesAre1To100CharactersAfterTrimming() {
        Given<Account, AccountCommand, AccountEvent> acme = given();
        assertEquals("name", acme.when(add("ada", "   ", "cy@acme.test", Role.STANDARD)).thenRefused(RuleId.USR_1).field());
        assertEquals("name", acme.when(add("ada", "x".repeat(101), "cy@acme.test", Role.STANDARD)).thenRefused(RuleId.USR_1).field());
        acme.when(add("ada", " " + "x".repeat(100) + " ", "cy@acme.test", Role.STANDARD)).accepted();
    }

    @Test
    void USR1_emailsAreValidAndUniqueCaseInsensitively() {
        Given<Account, AccountCommand, AccountEvent> acme = given();
        assertEquals("email", acme.when(add("ada", "Cy", "not-an-email", Role.STANDARD)).thenRefused(RuleId.USR_1).field());
        acme.when(add("ada", "Ada again", "ADA@Acme.Test", Role.STANDARD)).thenRefused(RuleId.USR_1, Refusal.Kind.CONFLICT);
    }

    @Test
    void USR3_adminsHaveEveryFeatureAndCompanyWhichCannotBeSetForThem() {
        Given<Account, AccountCommand, AccountEvent> acme = given();
        AddMember withFeatures = new AddMember("ada", UUID.randomUUID(), "l", false, "Cy", "cy@acme.test", Role.ADMIN,
                null, List.of(SupportFeature.FILE_TRANSFER), null, NOW);
        acme.when(withFeatures).thenRefused(RuleId.USR_3);

        UserAdded admin = (UserAdded) acme.when(add("ada", "Cy", "cy@acme.test", Role.LIMITED_ADMIN)).events().get(0);
        assertEquals(CompanyAccess.ALL, admin.companyAccess());
        assertEquals(List.of(SupportFeature.values()), admin.supportFeatures());
    }

    @Test
    void USR13_USR2_aLoginIsAMemberAtMostOnceWhateverEmailItsMembershipShowsNow() {
        UUID lee = UUID.randomUUID();
        Given<Account, AccountCommand, AccountEvent> acme = given(userAdded(lee, "login-lee", "lee@acme.test", Role.STANDARD),
                new UserProfileChanged(lee, "Lee", "lee.new@acme.test"));

        // The admin adds Lee's old address; the identity provider finds Lee's login for it (USR-2).
        AddMember oldAddress = new AddMember("ada", UUID.randomUUID(), "login-lee", false, "Lee", "lee@acme.test", Role.ADMIN,
                null, null, null, NOW);
        Refusal refused = acme.when(oldAddress).thenRefused(RuleId.USR_13, Refusal.Kind.CONFLICT);
        assertEquals("email", refused.field());
    }

    @Test
    void USR13_USR8_aLoginWithALegacyDuplicateActsAsItsEarliestMembershipWhateverTheHashOrder() {
        for (int run = 0; run < 200; run++) {
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            Given<Account, AccountCommand, AccountEvent> acme = given(userAdded(first, "login-lee", "lee.new@acme.test", Role.ADMIN),
                    userAdded(second, "login-lee", "lee@acme.test", Role.STANDARD)); // written before USR-13 was enforced

            assertEquals(first, acme.state().memberByLogin("login-lee").orElseThrow().memberId(), "run " + run);
            // USR-8: the same person, through their other membership, changes neither role nor deletes it.
            acme.when(new ChangeRole("login-lee", second, Role.ADMIN, NOW)).thenRefused(RuleId.USR_8);
            acme.when(new DeleteMember("login-lee", second, NOW)).thenRefused(RuleId.USR_8);

            Given<Account, AccountCommand, AccountEvent> afterDeletion = acme.given(new UserDeleted(first, "login-lee", "lee.new@acme.test"));
            assertEquals(second, afterDeletion.state().memberByLogin("login-lee").orElseThrow().memberId(), "then the next earliest");
            Account gone = afterDeletion.given(new UserDeleted(second, "login-lee", "lee@acme.test")).state();
            assertEquals(Optional.empty(), gone.memberByLogin("login-lee"));
        }
    }

    @Test
    void USR4_aFullAdminChangesARoleOthersMayNot() {
        UUID ben = member("ben", Role.STANDARD);
        UUID lia = member("lia", Role.LIMITED_ADMIN);
        UUID cy = member("cy", Role.STANDARD);

        Given<Account, AccountCommand, AccountEvent> acme = given().when(new ChangeRole("ada", ben, Role.ADMIN, NOW))
                .then(new RoleChanged(ben, Role.STANDARD, Role.ADMIN), new CompanyAccessChanged(ben, CompanyAccess.ALL),
                        new SupportFeaturesChanged(ben, List.of(SupportFeature.values())));
        acme.when(new ChangeRole("cy", lia, Role.STANDARD, NOW)).thenRefused(RuleId.USR_4);
        // A limited admin supervises no group yet, so there is nobody it may change (USR-4).
        acme.when(new ChangeRole("lia", cy, Role.MONITORING_OBSERVER, NOW)).thenRefused(RuleId.USR_4, Refusal.Kind.FORBIDDEN);
        acme.when(new ChangeRole("ada", ben, Role.ADMIN, NOW)).as("the same role again changes nothing").thenNothing();
    }

    @Test
    void USR8_nobodyChangesTheirOwnRoleOrDeletesThemselves() {
        UUID ben = member("ben", Role.ADMIN);
        Given<Account, AccountCommand, AccountEvent> acme = given();
        acme.when(new ChangeRole("ben", ben, Role.STANDARD, NOW)).thenRefused(RuleId.USR_8);
        acme.when(new DeleteMember("ben", ben, NOW)).thenRefused(RuleId.USR_8);
    }

    @Test
    void USR7_theLastAdminIsNeverDemotedOrDeleted() {
        UUID ben = member("ben", Role.ADMIN);
        UUID cy = member("cy", Role.ADMIN);
        Given<Account, AccountCommand, AccountEvent> acme = given()
                .when(new HandOverBillingContact("ada", ben, NOW)).accepted()
                .when(new DeleteMember("ben", ada, NOW)).accepted()
                .when(new ChangeRole("ben", cy, Role.STANDARD, NOW)).accepted();

        assertEquals(1, acme.state().admins());
        // cy, now STANDARD, may not; and ben cannot act on himself: the one ADMIN stays.
        acme.when(new ChangeRole("cy", ben, Role.STANDARD, NOW)).thenRefused(RuleId.USR_4);
        acme.when(new DeleteMember("ben", ben, NOW)).thenRefused(RuleId.USR_8);
    }

    @Test
    void BIL3_theBillingContactIsNotDemotedOrDeletedBeforeHandingOver() {
        UUID ben = member("ben", Role.ADMIN);
        Given<Account, AccountCommand, AccountEvent> acme = given();
        acme.when(new ChangeRole("ben", ada, Role.STANDARD, NOW)).thenRefused(RuleId.BIL_3);
        acme.when(new DeleteMember("ben", ada, NOW)).thenRefused(RuleId.BIL_3);

        acme.given(new BillingContactChanged(ada, ben)).when(new ChangeRole("ben", ada, Role.STANDARD, NOW))
                .then(new RoleChanged(ada, Role.ADMIN, Role.STANDARD), new CompanyAccessChanged(ada, CompanyAccess.NONE),
                        new SupportFeaturesChanged(ada, List.of()));
    }

    @Test
    void USR12_theEmailOfADeletedMemberCanBeAddedAgainAsANewMembership() {
        UUID ben = member("ben", Role.STANDARD);
        UUID again = UUID.randomUUID();
        List<AccountEvent> events = given(new UserDeleted(ben, "ben", "ben@acme.test"))
                .when(new AddMember("ada", again, "ben", false, "Ben", "BEN@acme.test", Role.STANDARD, null, null, null, NOW)).events();
        assertEquals(again, ((UserAdded) events.get(0)).memberId());
        assertTrue(!again.equals(ben));
    }

    @Test
    void CMP2_ACC6_companyAccessIsAllOrAListOfThisAccountsCompanies() {
        UUID globex = company("Globex");
        UUID ben = member("ben", Role.STANDARD);

        Given<Account, AccountCommand, AccountEvent> acme = given()
                .when(new ChangeCompanyAccess("ada", ben, new CompanyAccess(false, List.of(globex, globex)), NOW))
                .then(new CompanyAccessChanged(ben, new CompanyAccess(false, List.of(globex))))
                .when(new ChangeCompanyAccess("ada", ben, new CompanyAccess(false, List.of(globex)), NOW)).thenNothing();
        Refusal foreign = acme.when(new ChangeCompanyAccess("ada", ben, new CompanyAccess(false, List.of(UUID.randomUUID())), NOW)).thenRefused(RuleId.ACC_6);
        assertEquals("companyAccess.companies", foreign.field());
        acme.when(new ChangeCompanyAccess("ada", ben, new CompanyAccess(true, List.of(globex)), NOW)).thenRefused(RuleId.CMP_2);
        acme.when(new AddMember("ada", UUID.randomUUID(), "cy", false, "Cy", "cy@acme.test", Role.STANDARD,
                new CompanyAccess(false, List.of(UUID.randomUUID())), null, null, NOW)).as("adding a member checks the list too").thenRefused(RuleId.ACC_6);
    }

    @Test
    void USR3_USR4_FEAT1_onlyFullAdminsGiveFeaturesAndAccessAndNeverToAdmins() {
        UUID ben = member("ben", Role.STANDARD);
        UUID lia = member("lia", Role.LIMITED_ADMIN);
        UUID cy = member("cy", Role.STANDARD);
        Given<Account, AccountCommand, AccountEvent> acme = given();

        assertEquals(Set.of(), acme.state().members().get(ben).supportFeatures(), "none by default (FEAT-1)");
        acme = acme.when(new ChangeSupportFeatures("ada", ben, List.of(SupportFeature.REMOTE_CONTROL, SupportFeature.FILE_TRANSFER), NOW))
                .then(new SupportFeaturesChanged(ben, List.of(SupportFeature.FILE_TRANSFER, SupportFeature.REMOTE_CONTROL)))
                .when(new ChangeSupportFeatures("ada", ben, List.of(), NOW)).then(new SupportFeaturesChanged(ben, List.of()));

        Refusal admin = acme.when(new ChangeSupportFeatures("ada", lia, List.of(), NOW)).thenRefused(RuleId.USR_3);
        assertEquals("supportFeatures", admin.field());
        acme.when(new ChangeCompanyAccess("ada", lia, CompanyAccess.NONE, NOW)).thenRefused(RuleId.USR_3);
        assertEquals(Set.of(SupportFeature.values()), acme.state().members().get(lia).supportFeatures());
        acme.when(new ChangeSupportFeatures("cy", ben, List.of(SupportFeature.FILE_TRANSFER), NOW)).thenRefused(RuleId.USR_4);
        acme.when(new ChangeCompanyAccess("lia", cy, CompanyAccess.ALL, NOW)).as("a limited admin supervises no group yet").thenRefused(RuleId.USR_4);
        acme.when(new ChangeSupportFeatures("ada", ben, null, NOW)).thenRefused(RuleId.FEAT_1);
    }

    @Test
    void USR5_onlyTheMemberChangesTheirOwnNameAndEmail() {
        UUID ben = member("ben", Role.STANDARD);
        member("cy", Role.STANDARD);
        Given<Account, AccountCommand, AccountEvent> acme = given();

        acme.when(new ChangeProfile("ada", ben, "Benjamin", "ben@acme.test", NOW)).thenRefused(RuleId.USR_5, Refusal.Kind.FORBIDDEN);
        acme = acme.when(new ChangeProfile("ben", ben, " Benjamin ", "Benjamin@Acme.test", NOW))
                .then(new UserProfileChanged(ben, "Benjamin", "benjamin@acme.test"));
        acme.when(new ChangeProfile("ben", ben, "Benjamin", "CY@acme.test", NOW)).as("emails stay unique").thenRefused(RuleId.USR_1);
        acme.when(new ChangeProfile("ben", ben, "x".repeat(101), "ben@acme.test", NOW)).thenRefused(RuleId.USR_5);
        assertEquals("Benjamin", acme.state().members().get(ben).name());
    }

    @Test
    void USR9_anAccountMayHaveAnyNumberOfAdmins() {
        for (int i = 0; i < 25; i++) {
            member("admin" + i, Role.ADMIN);
        }
        UUID ben = member("ben", Role.STANDARD);
        assertEquals(27, given().when(new ChangeRole("ada", ben, Role.ADMIN, NOW)).accepted().state().admins());
    }
}
