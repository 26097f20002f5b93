package com.example.accounts.account.domain;

import com.example.accounts.account.domain.AccountCommand.AddMember;
import com.example.accounts.account.domain.AccountCommand.AssignContactCenterRole;
import com.example.accounts.account.domain.AccountCommand.AssignQueue;
import com.example.accounts.account.domain.AccountCommand.ChangeContactCenterRolePermissions;
import com.example.accounts.account.domain.AccountCommand.ChangeContactCenterSettings;
import com.example.accounts.account.domain.AccountCommand.ChangePlan;
import com.example.accounts.account.domain.AccountCommand.ChangeRole;
import com.example.accounts.account.domain.AccountCommand.CreateQueue;
import com.example.accounts.account.domain.AccountCommand.DeleteMember;
import com.example.accounts.account.domain.AccountCommand.ProvisionSeat;
import com.example.accounts.account.domain.AccountCommand.ReleaseSeat;
import com.example.accounts.account.domain.AccountCommand.RevokeContactCenterRole;
import com.example.accounts.account.domain.AccountEvent.AccountOpened;
import com.example.accounts.account.domain.AccountEvent.ContactCenterRoleAssigned;
import com.example.accounts.account.domain.AccountEvent.ContactCenterRolePermissionsChanged;
import com.example.accounts.account.domain.AccountEvent.ContactCenterRoleRevoked;
import com.example.accounts.account.domain.AccountEvent.ContactCenterSettingsChanged;
import com.example.accounts.account.domain.AccountEvent.PlanChanged;
import com.example.accounts.account.domain.AccountEvent.QueueAssignmentChanged;
import com.example.accounts.account.domain.AccountEvent.QueueCreated;
import com.example.accounts.account.domain.AccountEvent.RoleChanged;
import com.example.accounts.account.domain.AccountEvent.SeatProvisioned;
import com.example.accounts.account.domain.AccountEvent.UserAdded;
import com.example.accounts.account.domain.AccountEvent.UserDeleted;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.ContactCenter;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.SeatCount;
import com.example.accounts.contract.vocabulary.CcPermission;
import com.example.accounts.contract.vocabulary.CcRole;
import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.QueueRole;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.contract.vocabulary.SupportFeature;
import com.example.accounts.kit.decider.GivenWhenThen.Given;
import com.example.accounts.rules.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link ContactCenterRules}: contact-center roles, queues, role permissions and settings (CC-1 to CC-8). */
class ContactCenterRulesTest extends AcmeAccount {

    private static final Plan WITH_CONTACT_CENTER = new Plan(List.of(Module.REMOTE_SUPPORT, Module.MONITORING, Module.CONTACT_CENTER),
            List.of(new SeatCount(Module.REMOTE_SUPPORT, 2), new SeatCount(Module.CONTACT_CENTER, 3)));

    /** The plan gets CONTACT_CENTER, and Ada, who administers it in these tests, its licence (SEAT-3). */
    private AccountEvent[] contactCenter() {
        return new AccountEvent[]{new PlanChanged(WITH_CONTACT_CENTER), new SeatProvisioned(ada, Module.CONTACT_CENTER)};
    }

    private void withContactCenter() {
        happened(contactCenter());
    }

    /** A queue, as Ada creates one. */
    private UUID queue(String name) {
        UUID id = UUID.randomUUID();
        happened(new QueueCreated(id, name));
        return id;
    }

    @Test
    void CC1_contactAdminRequiresAdminAndGoesWithIt() {
        UUID ben = member("ben", Role.STANDARD);
        UUID cy = member("cy", Role.ADMIN);
        given().when(new AssignContactCenterRole("ada", ben, CcRole.AGENT, NOW)).as("no CONTACT_CENTER in the plan").thenRefused(RuleId.SEAT_5);
        Given<Account, AccountCommand, AccountEvent> acme = given(contactCenter());

        Refusal notAdmin = acme.when(new AssignContactCenterRole("ada", ben, CcRole.CONTACT_ADMIN, NOW)).thenRefused(RuleId.CC_1);
        assertEquals("role", notAdmin.field());
        acme = acme.when(new AssignContactCenterRole("ada", cy, CcRole.CONTACT_ADMIN, NOW)).then(new ContactCenterRoleAssigned(cy, CcRole.CONTACT_ADMIN));
        acme.when(new AssignContactCenterRole("ben", ben, CcRole.AGENT, NOW)).as("a standard member assigns nothing").thenRefused(RuleId.CC_1);
        acme = acme.when(new ProvisionSeat("ada", cy, Module.CONTACT_CENTER, NOW)).accepted()
                .when(new AssignContactCenterRole("cy", ben, CcRole.AGENT, NOW)).accepted()
                .when(new AssignContactCenterRole("cy", cy, CcRole.SUPERVISOR, NOW)).accepted();

        List<AccountEvent> demoted = acme.when(new ChangeRole("ada", cy, Role.STANDARD, NOW)).events();
        assertEquals(List.of(new ContactCenterRoleRevoked(cy, CcRole.CONTACT_ADMIN), new RoleChanged(cy, Role.ADMIN, Role.STANDARD)), demoted.subList(0, 2));
        Account after = acme.given(demoted).state();
        assertEquals(Set.of(CcRole.SUPERVISOR), after.members().get(cy).contactCenterRoles(), "the other roles stay");
        assertEquals(Set.of(CcRole.AGENT), after.members().get(ben).contactCenterRoles());
    }

    @Test
    void CC1_CC8_queuesTakeAgentsAndSupervisorsWhoHoldTheRoleAndLoseThemWithIt() {
        withContactCenter();
        UUID ben = member("ben", Role.STANDARD);
        UUID cy = member("cy", Role.STANDARD);
        UUID sales = queue("Sales");
        Given<Account, AccountCommand, AccountEvent> acme = given();
        acme.when(new CreateQueue("ada", UUID.randomUUID(), "SALES", NOW)).thenRefused(RuleId.CC_1);

        acme.when(new AssignQueue("ada", sales, ben, QueueRole.AGENT, NOW)).as("only AGENTs are assigned as agents").thenRefused(RuleId.CC_8);
        acme = acme.when(new AssignContactCenterRole("ada", ben, CcRole.AGENT, NOW)).accepted()
                .when(new AssignContactCenterRole("ada", cy, CcRole.SUPERVISOR, NOW)).accepted()
                .when(new AssignQueue("ada", sales, ben, QueueRole.AGENT, NOW)).then(new QueueAssignmentChanged(sales, ben, QueueRole.AGENT));
        acme.when(new AssignQueue("ada", sales, ben, QueueRole.SUPERVISOR, NOW)).thenRefused(RuleId.CC_1);
        acme = acme.when(new AssignQueue("ada", sales, cy, QueueRole.SUPERVISOR, NOW)).accepted()
                .when(new RevokeContactCenterRole("ada", ben, CcRole.AGENT, NOW))
                .then(new QueueAssignmentChanged(sales, ben, null), new ContactCenterRoleRevoked(ben, CcRole.AGENT))
                .when(new DeleteMember("ada", cy, NOW)).as("USR-6: a deleted member leaves every queue")
                .then(new QueueAssignmentChanged(sales, cy, null), new UserDeleted(cy, "cy", "cy@acme.test"));
        assertEquals(0, acme.state().queues().get(sales).assignments().size());
        acme.when(new AssignQueue("ada", UUID.randomUUID(), ben, null, NOW)).thenRefused(RuleId.ACC_6);
    }

    @Test
    void CC2_CC3_supervisorPermissionsKeepTheirViewAndManagePairs() {
        withContactCenter();
        Given<Account, AccountCommand, AccountEvent> acme = given();
        assertEquals(ContactCenter.DEFAULTS, acme.state().contactCenter());

        acme = acme.when(new ChangeContactCenterRolePermissions("ada", CcRole.SUPERVISOR,
                List.of(CcPermission.LIMIT_TO_ASSIGNED_QUEUES, CcPermission.VIEW_QUEUE_SETTINGS, CcPermission.MANAGE_SKILLS), NOW))
                .as("MANAGE_SKILLS turns VIEW_SKILLS on")
                .then(new ContactCenterRolePermissionsChanged(CcRole.SUPERVISOR, List.of(CcPermission.LIMIT_TO_ASSIGNED_QUEUES,
                        CcPermission.VIEW_QUEUE_SETTINGS, CcPermission.VIEW_SKILLS, CcPermission.MANAGE_SKILLS)));

        Refusal viewOff = acme.when(new ChangeContactCenterRolePermissions("ada", CcRole.SUPERVISOR,
                List.of(CcPermission.VIEW_QUEUE_SETTINGS, CcPermission.MANAGE_SKILLS), NOW)).thenRefused(RuleId.CC_3);
        assertEquals("VIEW_SKILLS cannot be turned off while MANAGE_SKILLS is on", viewOff.getMessage());
        assertEquals("VIEW_QUEUE_SETTINGS cannot be turned off", acme.when(new ChangeContactCenterRolePermissions("ada", CcRole.SUPERVISOR,
                List.of(CcPermission.LIMIT_TO_ASSIGNED_QUEUES), NOW)).thenRefused(RuleId.CC_3).getMessage());
        acme.when(new ChangeContactCenterRolePermissions("ada", CcRole.SUPERVISOR,
                List.of(CcPermission.VIEW_QUEUE_SETTINGS, CcPermission.CREATE_CUSTOM_LABELS), NOW)).as("an agent permission").thenRefused(RuleId.CC_3);
        acme.when(new ChangeContactCenterRolePermissions("ada", CcRole.CONTACT_ADMIN, List.of(), NOW)).thenRefused(RuleId.CC_2);
    }

    @Test
    void CC4_agentPermissionsAreOffUntilGivenToTheRole() {
        withContactCenter();
        member("ben", Role.STANDARD);
        Given<Account, AccountCommand, AccountEvent> acme = given();
        assertEquals(Set.of(), acme.state().contactCenter().agentPermissions());
        acme = acme.when(new ChangeContactCenterRolePermissions("ada", CcRole.AGENT, List.of(CcPermission.CREATE_CUSTOM_LABELS), NOW))
                .then(new ContactCenterRolePermissionsChanged(CcRole.AGENT, List.of(CcPermission.CREATE_CUSTOM_LABELS)));
        acme.when(new ChangeContactCenterRolePermissions("ada", CcRole.AGENT, List.of(CcPermission.MANAGE_SKILLS), NOW)).thenRefused(RuleId.CC_4);
        acme.when(new ChangeContactCenterRolePermissions("ben", CcRole.AGENT, List.of(), NOW)).thenRefused(RuleId.CC_1);
    }

    @Test
    void CC6_ACC5_onlyFullAdminsRestrictUnassignedQueueLogin() {
        withContactCenter();
        member("ben", Role.STANDARD);
        Given<Account, AccountCommand, AccountEvent> acme = given();
        acme.when(new ChangeContactCenterSettings("ben", true, NOW)).thenRefused(RuleId.ACC_5);
        acme.when(new ChangeContactCenterSettings("ada", true, NOW)).then(new ContactCenterSettingsChanged(true))
                .when(new ChangeContactCenterSettings("ada", true, NOW)).thenNothing();
    }

    @Test
    void CC5_aSupervisorLimitedToItsQueuesSeesOnlyThoseAndWithoutTheLimitAll() {
        withContactCenter();
        UUID cy = member("cy", Role.STANDARD);
        UUID sales = queue("Sales");
        UUID support = queue("Support");
        Given<Account, AccountCommand, AccountEvent> acme = given(new ContactCenterRoleAssigned(cy, CcRole.SUPERVISOR),
                new QueueAssignmentChanged(sales, cy, QueueRole.SUPERVISOR));
        Account.Member supervisor = acme.state().members().get(cy);

        assertEquals(Set.of(sales), ids(acme.state().visibleQueues(supervisor)), "LIMIT_TO_ASSIGNED_QUEUES is on by default (CC-3)");
        assertEquals(Set.of(sales, support), ids(acme.state().visibleQueues(acme.state().members().get(ada))), "a full admin sees every queue");
        Account unlimited = acme.when(new ChangeContactCenterRolePermissions("ada", CcRole.SUPERVISOR, List.of(CcPermission.VIEW_QUEUE_SETTINGS), NOW))
                .accepted().state();
        assertEquals(Set.of(sales, support), ids(unlimited.visibleQueues(supervisor)), "without the limit, all queues");
    }

    private static Set<UUID> ids(List<Account.Queue> queues) {
        return Set.copyOf(queues.stream().map(Account.Queue::queueId).toList());
    }

    @Test
    void CC1_SEAT3_SEAT5_administeringTheContactCenterNeedsTheModuleInThePlanAndTheActorsOwnLicence() {
        happened(new PlanChanged(WITH_CONTACT_CENTER));
        UUID ben = member("ben", Role.STANDARD);
        UUID cy = member("cy", Role.ADMIN);
        UUID sales = UUID.randomUUID();
        Given<Account, AccountCommand, AccountEvent> acme = given(new SeatProvisioned(ben, Module.CONTACT_CENTER));

        // Ada is a full admin, but holds no CONTACT_CENTER licence: cc.admin is denied her, and so is every part of it here.
        List<AccountCommand> administering = List.of(new CreateQueue("ada", sales, "Sales", NOW),
                new AssignContactCenterRole("ada", ben, CcRole.AGENT, NOW),
                new ChangeContactCenterRolePermissions("ada", CcRole.AGENT, List.of(CcPermission.CREATE_CUSTOM_LABELS), NOW),
                new ChangeContactCenterSettings("ada", true, NOW));
        for (AccountCommand command : administering) {
            acme.when(command).as(command.toString()).thenRefused(RuleId.SEAT_3, Refusal.Kind.FORBIDDEN);
        }

        acme = acme.when(new ProvisionSeat("ada", ada, Module.CONTACT_CENTER, NOW)).accepted();
        for (AccountCommand command : administering) {
            acme = acme.when(command).accepted();
        }
        acme = acme.when(new AssignContactCenterRole("ada", cy, CcRole.CONTACT_ADMIN, NOW)).accepted();
        UUID support = UUID.randomUUID();
        acme.when(new CreateQueue("cy", support, "Support", NOW)).as("a contact admin needs the licence too").thenRefused(RuleId.SEAT_3);
        acme.when(new AssignQueue("cy", sales, ben, QueueRole.AGENT, NOW)).thenRefused(RuleId.SEAT_3);
        acme.when(new RevokeContactCenterRole("cy", ben, CcRole.AGENT, NOW)).thenRefused(RuleId.SEAT_3);
        acme = acme.when(new AssignQueue("ada", sales, ben, QueueRole.AGENT, NOW)).accepted();

        // The plan drops CONTACT_CENTER (its licences released first, ACC-3): the module grants nothing to anyone.
        acme = acme.when(new ReleaseSeat("ada", ada, Module.CONTACT_CENTER, NOW)).accepted()
                .when(new ReleaseSeat("ada", ben, Module.CONTACT_CENTER, NOW)).accepted()
                .when(new ChangePlan("ada", PLAN, NOW)).accepted();
        for (AccountCommand command : List.of(new CreateQueue("ada", support, "Support", NOW),
                new AssignQueue("ada", sales, ben, null, NOW),
                new ChangeContactCenterRolePermissions("ada", CcRole.AGENT, List.of(), NOW),
                new ChangeContactCenterSettings("ada", false, NOW),
                new RevokeContactCenterRole("ada", ben, CcRole.AGENT, NOW))) {
            acme.when(command).as(command.toString()).thenRefused(RuleId.SEAT_5);
        }
    }

    @Test
    void ACC1_theOnlyMemberHoldsEveryContactCenterRoleButStillNeedsTheModuleAndTheLicence() {
        UUID solo = UUID.randomUUID();
        Given<Account, AccountCommand, AccountEvent> account = ACCOUNT.given(new AccountOpened(UUID.randomUUID(), "Solo", WITH_CONTACT_CENTER, solo),
                new UserAdded(solo, "solo", "Solo", "solo@solo.test", Role.ADMIN, CompanyAccess.ALL, List.of(SupportFeature.values()), false, null));
        UUID sales = UUID.randomUUID();
        account.when(new CreateQueue("solo", sales, "Sales", NOW)).as("every role, but no licence").thenRefused(RuleId.SEAT_3);
        account = account.when(new ProvisionSeat("solo", solo, Module.CONTACT_CENTER, NOW)).accepted()
                .when(new CreateQueue("solo", sales, "Sales", NOW)).accepted();

        account = account.when(new AssignQueue("solo", sales, solo, QueueRole.AGENT, NOW)).as("the only member is an AGENT (ACC-1, CC-8)")
                .then(new QueueAssignmentChanged(sales, solo, QueueRole.AGENT))
                .when(new AssignQueue("solo", sales, solo, QueueRole.SUPERVISOR, NOW)).as("and a SUPERVISOR (ACC-1, CC-1)")
                .then(new QueueAssignmentChanged(sales, solo, QueueRole.SUPERVISOR));

        UUID support = UUID.randomUUID();
        account = account.when(new CreateQueue("solo", support, "Support", NOW)).accepted()
                .when(new AddMember("solo", UUID.randomUUID(), "ben", false, "Ben", "ben@solo.test", Role.STANDARD, null, null, null, NOW)).accepted();
        account.when(new AssignQueue("solo", support, solo, QueueRole.AGENT, NOW)).as("with a second member, only roles given count").thenRefused(RuleId.CC_8);
    }
}
