package com.example.accounts.account.domain;

import com.example.accounts.rules.Refusal;
import com.example.accounts.account.domain.AccountCommand.AddMember;
import com.example.accounts.account.domain.AccountCommand.AssignContactCenterRole;
import com.example.accounts.account.domain.AccountCommand.AssignQueue;
import com.example.accounts.account.domain.AccountCommand.ChangeContactCenterRolePermissions;
import com.example.accounts.account.domain.AccountCommand.ChangeContactCenterSettings;
import com.example.accounts.account.domain.AccountCommand.ChangePlan;
import com.example.accounts.account.domain.AccountCommand.ChangeRole;
import com.example.accounts.account.domain.AccountCommand.CreateQueue;
import com.example.accounts.account.domain.AccountCommand.DeleteMember;
import com.example.accounts.account.domain.AccountCommand.OpenAccount;
import com.example.accounts.account.domain.AccountCommand.ProvisionSeat;
import com.example.accounts.account.domain.AccountCommand.ReleaseSeat;
import com.example.accounts.account.domain.AccountCommand.RevokeContactCenterRole;
import com.example.accounts.account.domain.AccountEvent.ContactCenterRoleAssigned;
import com.example.accounts.account.domain.AccountEvent.ContactCenterRolePermissionsChanged;
import com.example.accounts.account.domain.AccountEvent.ContactCenterRoleRevoked;
import com.example.accounts.account.domain.AccountEvent.ContactCenterSettingsChanged;
import com.example.accounts.account.domain.AccountEvent.QueueAssignmentChanged;
import com.example.accounts.account.domain.AccountEvent.RoleChanged;
import com.example.accounts.account.domain.AccountEvent.UserDeleted;
import com.example.accounts.account.domain.Vocabulary.CcPermission;
import com.example.accounts.account.domain.Vocabulary.CcRole;
import com.example.accounts.account.domain.Vocabulary.ContactCenter;
import com.example.accounts.account.domain.Vocabulary.Module;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.QueueRole;
import com.example.accounts.account.domain.Vocabulary.Role;
import com.example.accounts.account.domain.Vocabulary.SeatCount;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Contact-center roles, queues, role permissions and settings (CC-1 to CC-6): given events, when a command, then events or a refusal. */
class ContactCenterRulesTest extends AcmeRules {

    private static final Plan WITH_CONTACT_CENTER = new Plan(List.of(Module.REMOTE_SUPPORT, Module.MONITORING, Module.CONTACT_CENTER),
            List.of(new SeatCount(Module.REMOTE_SUPPORT, 2), new SeatCount(Module.CONTACT_CENTER, 3)));

    /** The plan gets CONTACT_CENTER, and Ada, who administers it in these tests, its licence (SEAT-3). */
    private void withContactCenter() {
        then(new ChangePlan("ada", WITH_CONTACT_CENTER, NOW));
        then(new ProvisionSeat("ada", ada, Module.CONTACT_CENTER, NOW));
    }

    private UUID queue(String name) {
        UUID id = UUID.randomUUID();
        then(new CreateQueue("ada", id, name, NOW));
        return id;
    }

    @Test
    void CC1_contactAdminRequiresAdminAndGoesWithIt() {
        UUID ben = member("ben", Role.STANDARD);
        UUID cy = member("cy", Role.ADMIN);
        assertEquals("SEAT-5", refused(new AssignContactCenterRole("ada", ben, CcRole.AGENT, NOW)).rule(), "no CONTACT_CENTER in the plan");
        withContactCenter();

        Refusal notAdmin = refused(new AssignContactCenterRole("ada", ben, CcRole.CONTACT_ADMIN, NOW));
        assertEquals("CC-1", notAdmin.rule());
        assertEquals("role", notAdmin.field());
        assertEquals(List.of(new ContactCenterRoleAssigned(cy, CcRole.CONTACT_ADMIN)), then(new AssignContactCenterRole("ada", cy, CcRole.CONTACT_ADMIN, NOW)));
        assertEquals("CC-1", refused(new AssignContactCenterRole("ben", ben, CcRole.AGENT, NOW)).rule(), "a standard member assigns nothing");
        then(new ProvisionSeat("ada", cy, Module.CONTACT_CENTER, NOW));
        then(new AssignContactCenterRole("cy", ben, CcRole.AGENT, NOW));
        then(new AssignContactCenterRole("cy", cy, CcRole.SUPERVISOR, NOW));

        List<AccountEvent> demoted = then(new ChangeRole("ada", cy, Role.STANDARD, NOW));
        assertEquals(List.of(new ContactCenterRoleRevoked(cy, CcRole.CONTACT_ADMIN), new RoleChanged(cy, Role.ADMIN, Role.STANDARD)), demoted.subList(0, 2));
        assertEquals(Set.of(CcRole.SUPERVISOR), state.members().get(cy).contactCenterRoles(), "the other roles stay");
        assertEquals(Set.of(CcRole.AGENT), state.members().get(ben).contactCenterRoles());
    }

    @Test
    void CC1_CC8_queuesTakeAgentsAndSupervisorsWhoHoldTheRoleAndLoseThemWithIt() {
        withContactCenter();
        UUID ben = member("ben", Role.STANDARD);
        UUID cy = member("cy", Role.STANDARD);
        UUID sales = queue("Sales");
        assertEquals("CC-1", refused(new CreateQueue("ada", UUID.randomUUID(), "SALES", NOW)).rule());

        assertEquals("CC-8", refused(new AssignQueue("ada", sales, ben, QueueRole.AGENT, NOW)).rule(), "only AGENTs are assigned as agents");
        then(new AssignContactCenterRole("ada", ben, CcRole.AGENT, NOW));
        then(new AssignContactCenterRole("ada", cy, CcRole.SUPERVISOR, NOW));
        assertEquals(List.of(new QueueAssignmentChanged(sales, ben, QueueRole.AGENT)), then(new AssignQueue("ada", sales, ben, QueueRole.AGENT, NOW)));
        assertEquals("CC-1", refused(new AssignQueue("ada", sales, ben, QueueRole.SUPERVISOR, NOW)).rule());
        then(new AssignQueue("ada", sales, cy, QueueRole.SUPERVISOR, NOW));

        assertEquals(List.of(new QueueAssignmentChanged(sales, ben, null), new ContactCenterRoleRevoked(ben, CcRole.AGENT)),
                then(new RevokeContactCenterRole("ada", ben, CcRole.AGENT, NOW)));
        assertEquals(List.of(new QueueAssignmentChanged(sales, cy, null), new UserDeleted(cy, "cy", "cy@acme.test")),
                then(new DeleteMember("ada", cy, NOW)), "USR-6: a deleted member leaves every queue");
        assertEquals(0, state.queues().get(sales).assignments().size());
        assertEquals("ACC-6", refused(new AssignQueue("ada", UUID.randomUUID(), ben, null, NOW)).rule());
    }

    @Test
    void CC2_CC3_supervisorPermissionsKeepTheirViewAndManagePairs() {
        withContactCenter();
        assertEquals(ContactCenter.DEFAULTS, state.contactCenter());

        List<AccountEvent> manage = then(new ChangeContactCenterRolePermissions("ada", CcRole.SUPERVISOR,
                List.of(CcPermission.LIMIT_TO_ASSIGNED_QUEUES, CcPermission.VIEW_QUEUE_SETTINGS, CcPermission.MANAGE_SKILLS), NOW));
        assertEquals(List.of(new ContactCenterRolePermissionsChanged(CcRole.SUPERVISOR, List.of(CcPermission.LIMIT_TO_ASSIGNED_QUEUES,
                CcPermission.VIEW_QUEUE_SETTINGS, CcPermission.VIEW_SKILLS, CcPermission.MANAGE_SKILLS))), manage, "MANAGE_SKILLS turns VIEW_SKILLS on");

        Refusal viewOff = refused(new ChangeContactCenterRolePermissions("ada", CcRole.SUPERVISOR,
                List.of(CcPermission.VIEW_QUEUE_SETTINGS, CcPermission.MANAGE_SKILLS), NOW));
        assertEquals("CC-3", viewOff.rule());
        assertEquals("VIEW_SKILLS cannot be turned off while MANAGE_SKILLS is on", viewOff.getMessage());
        assertEquals("VIEW_QUEUE_SETTINGS cannot be turned off", refused(new ChangeContactCenterRolePermissions("ada", CcRole.SUPERVISOR,
                List.of(CcPermission.LIMIT_TO_ASSIGNED_QUEUES), NOW)).getMessage());
        assertEquals("CC-3", refused(new ChangeContactCenterRolePermissions("ada", CcRole.SUPERVISOR,
                List.of(CcPermission.VIEW_QUEUE_SETTINGS, CcPermission.CREATE_CUSTOM_LABELS), NOW)).rule(), "an agent permission");
        assertEquals("CC-2", refused(new ChangeContactCenterRolePermissions("ada", CcRole.CONTACT_ADMIN, List.of(), NOW)).rule());
    }

    @Test
    void CC4_agentPermissionsAreOffUntilGivenToTheRole() {
        withContactCenter();
        member("ben", Role.STANDARD);
        assertEquals(Set.of(), state.contactCenter().agentPermissions());
        assertEquals(List.of(new ContactCenterRolePermissionsChanged(CcRole.AGENT, List.of(CcPermission.CREATE_CUSTOM_LABELS))),
                then(new ChangeContactCenterRolePermissions("ada", CcRole.AGENT, List.of(CcPermission.CREATE_CUSTOM_LABELS), NOW)));
        assertEquals("CC-4", refused(new ChangeContactCenterRolePermissions("ada", CcRole.AGENT, List.of(CcPermission.MANAGE_SKILLS), NOW)).rule());
        assertEquals("CC-1", refused(new ChangeContactCenterRolePermissions("ben", CcRole.AGENT, List.of(), NOW)).rule());
    }

    @Test
    void CC6_ACC5_onlyFullAdminsRestrictUnassignedQueueLogin() {
        withContactCenter();
        member("ben", Role.STANDARD);
        assertEquals("ACC-5", refused(new ChangeContactCenterSettings("ben", true, NOW)).rule());
        assertEquals(List.of(new ContactCenterSettingsChanged(true)), then(new ChangeContactCenterSettings("ada", true, NOW)));
        assertEquals(List.of(), then(new ChangeContactCenterSettings("ada", true, NOW)));
    }

    @Test
    void CC5_aSupervisorLimitedToItsQueuesSeesOnlyThoseAndWithoutTheLimitAll() {
        withContactCenter();
        UUID cy = member("cy", Role.STANDARD);
        UUID sales = queue("Sales");
        UUID support = queue("Support");
        then(new AssignContactCenterRole("ada", cy, CcRole.SUPERVISOR, NOW));
        then(new AssignQueue("ada", sales, cy, QueueRole.SUPERVISOR, NOW));
        Account.Member supervisor = state.members().get(cy);

        assertEquals(Set.of(sales), ids(state.visibleQueues(supervisor)), "LIMIT_TO_ASSIGNED_QUEUES is on by default (CC-3)");
        assertEquals(Set.of(sales, support), ids(state.visibleQueues(state.members().get(ada))), "a full admin sees every queue");
        then(new ChangeContactCenterRolePermissions("ada", CcRole.SUPERVISOR, List.of(CcPermission.VIEW_QUEUE_SETTINGS), NOW));
        assertEquals(Set.of(sales, support), ids(state.visibleQueues(supervisor)), "without the limit, all queues");
    }

    private static Set<UUID> ids(List<Account.Queue> queues) {
        return Set.copyOf(queues.stream().map(Account.Queue::queueId).toList());
    }

    @Test
    void CC1_SEAT3_SEAT5_administeringTheContactCenterNeedsTheModuleInThePlanAndTheActorsOwnLicence() {
        then(new ChangePlan("ada", WITH_CONTACT_CENTER, NOW));
        UUID ben = member("ben", Role.STANDARD);
        UUID cy = member("cy", Role.ADMIN);
        UUID sales = UUID.randomUUID();
        then(new ProvisionSeat("ada", ben, Module.CONTACT_CENTER, NOW));

        // Ada is a full admin, but holds no CONTACT_CENTER licence: cc.admin is denied her, and so is every part of it here.
        List<AccountCommand> administering = List.of(new CreateQueue("ada", sales, "Sales", NOW),
                new AssignContactCenterRole("ada", ben, CcRole.AGENT, NOW),
                new ChangeContactCenterRolePermissions("ada", CcRole.AGENT, List.of(CcPermission.CREATE_CUSTOM_LABELS), NOW),
                new ChangeContactCenterSettings("ada", true, NOW));
        for (AccountCommand command : administering) {
            Refusal refused = refused(command);
            assertEquals("SEAT-3", refused.rule(), command.toString());
            assertEquals(Refusal.Kind.FORBIDDEN, refused.kind(), command.toString());
        }

        then(new ProvisionSeat("ada", ada, Module.CONTACT_CENTER, NOW));
        for (AccountCommand command : administering) {
            then(command);
        }
        then(new AssignContactCenterRole("ada", cy, CcRole.CONTACT_ADMIN, NOW));
        UUID support = UUID.randomUUID();
        assertEquals("SEAT-3", refused(new CreateQueue("cy", support, "Support", NOW)).rule(), "a contact admin needs the licence too");
        assertEquals("SEAT-3", refused(new AssignQueue("cy", sales, ben, QueueRole.AGENT, NOW)).rule());
        assertEquals("SEAT-3", refused(new RevokeContactCenterRole("cy", ben, CcRole.AGENT, NOW)).rule());
        then(new AssignQueue("ada", sales, ben, QueueRole.AGENT, NOW));

        // The plan drops CONTACT_CENTER (its licences released first, ACC-3): the module grants nothing to anyone.
        then(new ReleaseSeat("ada", ada, Module.CONTACT_CENTER, NOW));
        then(new ReleaseSeat("ada", ben, Module.CONTACT_CENTER, NOW));
        then(new ChangePlan("ada", PLAN, NOW));
        for (AccountCommand command : List.of(new CreateQueue("ada", support, "Support", NOW),
                new AssignQueue("ada", sales, ben, null, NOW),
                new ChangeContactCenterRolePermissions("ada", CcRole.AGENT, List.of(), NOW),
                new ChangeContactCenterSettings("ada", false, NOW),
                new RevokeContactCenterRole("ada", ben, CcRole.AGENT, NOW))) {
            assertEquals("SEAT-5", refused(command).rule(), command.toString());
        }
    }

    @Test
    void ACC1_theOnlyMemberHoldsEveryContactCenterRoleButStillNeedsTheModuleAndTheLicence() {
        state = Account.INITIAL;
        UUID solo = UUID.randomUUID();
        then(new OpenAccount(UUID.randomUUID(), "Solo", WITH_CONTACT_CENTER, solo, "solo", "Solo", "solo@solo.test", NOW));
        UUID sales = UUID.randomUUID();
        assertEquals("SEAT-3", refused(new CreateQueue("solo", sales, "Sales", NOW)).rule(), "every role, but no licence");
        then(new ProvisionSeat("solo", solo, Module.CONTACT_CENTER, NOW));
        then(new CreateQueue("solo", sales, "Sales", NOW));

        assertEquals(List.of(new QueueAssignmentChanged(sales, solo, QueueRole.AGENT)), then(new AssignQueue("solo", sales, solo, QueueRole.AGENT, NOW)),
                "the only member is an AGENT (ACC-1, CC-8)");
        assertEquals(List.of(new QueueAssignmentChanged(sales, solo, QueueRole.SUPERVISOR)), then(new AssignQueue("solo", sales, solo, QueueRole.SUPERVISOR, NOW)),
                "and a SUPERVISOR (ACC-1, CC-1)");

        UUID support = UUID.randomUUID();
        then(new CreateQueue("solo", support, "Support", NOW));
        then(new AddMember("solo", UUID.randomUUID(), "ben", false, "Ben", "ben@solo.test", Role.STANDARD, null, null, null, NOW));
        assertEquals("CC-8", refused(new AssignQueue("solo", support, solo, QueueRole.AGENT, NOW)).rule(), "with a second member, only roles given count");
    }
}
