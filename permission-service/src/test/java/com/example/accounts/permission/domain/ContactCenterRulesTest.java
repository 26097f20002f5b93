package com.example.accounts.permission.domain;

import com.example.accounts.permission.domain.Resource.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static com.example.accounts.permission.domain.Fixtures.a;
import static com.example.accounts.permission.domain.Fixtures.account;
import static com.example.accounts.permission.domain.Fixtures.may;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contact center: role permissions, queues, queue logins and the only member of an account (CC-1 to CC-8, ACC-1). */
class ContactCenterRulesTest {

    @Test
    void CC1_CC2_CC3_CC4_contactCenterPermissionsComeFromRolesAndTheRolesPermissions() {
        String cc = "CONTACT_CENTER";
        Member admin = a("ADMIN").seats(cc).build();
        Member contactAdmin = a("ADMIN").seats(cc).contactCenter("CONTACT_ADMIN").build();
        Member notAnAdmin = a("STANDARD").seats(cc).contactCenter("CONTACT_ADMIN").build();
        Member supervisor = a("STANDARD").seats(cc).contactCenter("SUPERVISOR").build();
        Member agent = a("STANDARD").seats(cc).contactCenter("AGENT").build();
        AccountView defaults = account(cc).with(admin, contactAdmin, notAnAdmin, supervisor, agent).build();
        assertTrue(may(defaults, admin, "cc.admin"));
        assertTrue(may(defaults, contactAdmin, "cc.analytics.view"));
        assertFalse(may(defaults, notAnAdmin, "cc.analytics.view"), "CC-1: CONTACT_ADMIN requires ADMIN");
        assertFalse(may(defaults, supervisor, "cc.admin"));
        assertTrue(may(defaults, supervisor, "cc.queue-settings.view"), "CC-3: VIEW_QUEUE_SETTINGS is on by default");
        assertFalse(may(defaults, supervisor, "cc.config-portal"), "CC-3: CONFIG_PORTAL_ACCESS is off by default");
        assertFalse(may(defaults, supervisor, "cc.skills.manage"));
        assertFalse(may(defaults, agent, "cc.canned-messages.manage"), "CC-4: off by default");
        assertFalse(may(defaults, agent, "cc.queue-settings.view"));

        AccountView granted = account(cc).with(supervisor, agent)
                .supervisorPermissions("LIMIT_TO_ASSIGNED_QUEUES", "VIEW_QUEUE_SETTINGS", "VIEW_SKILLS", "MANAGE_SKILLS", "CONFIG_PORTAL_ACCESS")
                .agentPermissions("MANAGE_PUBLIC_CANNED_MESSAGES").build();
        assertTrue(may(granted, supervisor, "cc.skills.manage"), "CC-2: set per role, every supervisor has it");
        assertTrue(may(granted, supervisor, "cc.config-portal"));
        assertFalse(may(granted, supervisor, "cc.break-reasons.view"));
        assertTrue(may(granted, agent, "cc.canned-messages.manage"));
        assertFalse(may(granted, agent, "cc.labels.create"));
    }

    @Test
    void CC5_aSupervisorLimitedToAssignedQueuesReachesOnlyTheQueuesItSupervises() {
        String cc = "CONTACT_CENTER";
        UUID billingQueue = UUID.randomUUID();
        UUID salesQueue = UUID.randomUUID();
        Member supervisor = a("STANDARD").seats(cc).contactCenter("SUPERVISOR").build();
        AccountView limited = account(cc).with(supervisor).queue(billingQueue).queue(salesQueue)
                .assign(billingQueue, supervisor, "SUPERVISOR").build();
        for (String permission : List.of("cc.calls.monitor", "cc.queue.supervise", "cc.queue-settings.view")) {
            assertTrue(may(limited, supervisor, permission, Kind.QUEUE, billingQueue), permission);
            assertFalse(may(limited, supervisor, permission, Kind.QUEUE, salesQueue), permission);
        }
        AccountView unlimited = account(cc).with(supervisor).queue(billingQueue).queue(salesQueue)
                .assign(billingQueue, supervisor, "SUPERVISOR").supervisorPermissions("VIEW_QUEUE_SETTINGS").build();
        assertTrue(may(unlimited, supervisor, "cc.calls.monitor", Kind.QUEUE, salesQueue), "without LIMIT_TO_ASSIGNED_QUEUES: all queues");
    }

    @Test
    void CC5_CC1_supervisorsSeeTheAnalyticsOfTheQueuesTheyReachContactAdminsOfAll() {
        String cc = "CONTACT_CENTER";
        UUID billingQueue = UUID.randomUUID();
        UUID salesQueue = UUID.randomUUID();
        Member supervisor = a("STANDARD").seats(cc).contactCenter("SUPERVISOR").build();
        Member unlicensed = a("STANDARD").contactCenter("SUPERVISOR").build();
        Member contactAdmin = a("ADMIN").seats(cc).contactCenter("CONTACT_ADMIN").build();
        Member agent = a("STANDARD").seats(cc).contactCenter("AGENT").build();
        AccountView limited = account(cc).with(supervisor, unlicensed, contactAdmin, agent).queue(billingQueue).queue(salesQueue)
                .assign(billingQueue, supervisor, "SUPERVISOR").assign(billingQueue, unlicensed, "SUPERVISOR").build();
        assertTrue(may(limited, supervisor, "cc.analytics.view", Kind.QUEUE, billingQueue), "CC-5: the analytics of the queue it supervises");
        Decision other = PermissionRules.decide(limited, supervisor, "cc.analytics.view", new Resource(Kind.QUEUE, salesQueue));
        assertFalse(other.allowed(), "CC-5: LIMIT_TO_ASSIGNED_QUEUES is on");
        assertTrue(other.reasons().stream().anyMatch(r -> r.contains("CC-5")), other.reasons().toString());
        assertFalse(may(limited, supervisor, "cc.analytics.view"), "all the analytics are the contact admins' while it is limited");
        assertFalse(may(limited, unlicensed, "cc.analytics.view", Kind.QUEUE, billingQueue), "SEAT-3: the licence");
        assertFalse(may(limited, agent, "cc.analytics.view", Kind.QUEUE, billingQueue), "agents see no analytics");
        assertTrue(may(limited, contactAdmin, "cc.analytics.view"), "CC-1: all of them");
        assertTrue(may(limited, contactAdmin, "cc.analytics.view", Kind.QUEUE, salesQueue), "CC-1");
        assertFalse(may(limited, contactAdmin, "cc.analytics.view", Kind.QUEUE, UUID.randomUUID()), "a queue of no account");

        AccountView unlimited = account(cc).with(supervisor, contactAdmin).queue(billingQueue).queue(salesQueue)
                .supervisorPermissions("VIEW_QUEUE_SETTINGS").build();
        assertTrue(may(unlimited, supervisor, "cc.analytics.view", Kind.QUEUE, salesQueue), "without LIMIT_TO_ASSIGNED_QUEUES it reaches every queue");
        assertTrue(may(unlimited, supervisor, "cc.analytics.view"), "and so all of them");
    }

    @Test
    void CC7_inAQueueTheyAreLoggedIntoAnAgentHasWhatWasFixedAtLogin() {
        String cc = "CONTACT_CENTER";
        UUID billingQueue = UUID.randomUUID();
        UUID salesQueue = UUID.randomUUID();
        Member agent = a("STANDARD").seats(cc).contactCenter("AGENT").build();
        Member other = a("ADMIN").build();
        // logged into billing while the role had none of the permissions; an admin has since turned two on
        AccountView acme = account(cc).with(agent, other).queue(billingQueue).queue(salesQueue).loggedIn(billingQueue, agent, "MANAGE_PRERECORDED_MESSAGES")
                .agentPermissions("CREATE_CUSTOM_LABELS", "MANAGE_PUBLIC_CANNED_MESSAGES").build();
        Decision labels = PermissionRules.decide(acme, agent, "cc.labels.create", new Resource(Kind.QUEUE, billingQueue));
        assertFalse(labels.allowed(), "CC-7: the change reaches them at their next login");
        assertTrue(labels.reasons().stream().anyMatch(r -> r.contains("login into queue " + billingQueue) && r.contains("CC-7")), labels.reasons().toString());
        assertTrue(may(acme, agent, "cc.prerecorded-messages.manage", Kind.QUEUE, billingQueue), "CC-7: fixed at login, though the role no longer has it");
        assertTrue(may(acme, agent, "cc.labels.create", Kind.QUEUE, salesQueue), "not logged into sales: what the next login fixes");
        assertTrue(may(acme, agent, "cc.labels.create"), "without a queue: the role's permissions now");
        assertFalse(may(acme, agent, "cc.labels.create", Kind.QUEUE, UUID.randomUUID()), "a queue of no account");
    }

    @Test
    void CC6_CC8_onlyAgentsLogIntoQueuesAndARestrictedOrganizationOnlyIntoAssignedOnes() {
        String cc = "CONTACT_CENTER";
        UUID assigned = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Member agent = a("STANDARD").seats(cc).contactCenter("AGENT").build();
        Member supervisor = a("STANDARD").seats(cc).contactCenter("SUPERVISOR").build();
        Member unlicensed = a("STANDARD").contactCenter("AGENT").build();
        AccountView open = account(cc).with(agent, supervisor, unlicensed).queue(assigned).queue(other).assign(assigned, agent, "AGENT").build();
        assertTrue(may(open, agent, "cc.queue.login", Kind.QUEUE, other));
        assertFalse(may(open, supervisor, "cc.queue.login", Kind.QUEUE, assigned), "CC-8: only agents");
        assertFalse(may(open, unlicensed, "cc.queue.login", Kind.QUEUE, assigned), "SEAT-3: a licence");
        AccountView restricted = account(cc).with(agent).queue(assigned).queue(other).assign(assigned, agent, "AGENT")
                .restrictUnassignedQueueLogin().build();
        assertTrue(may(restricted, agent, "cc.queue.login", Kind.QUEUE, assigned));
        Decision refused = PermissionRules.decide(restricted, agent, "cc.queue.login", new Resource(Kind.QUEUE, other));
        assertFalse(refused.allowed());
        assertTrue(refused.reasons().stream().anyMatch(r -> r.contains("CC-6")), refused.reasons().toString());
    }

    @Test
    void ACC1_SUP1_theOnlyMemberHoldsEveryRoleAndHostingNeedsNoCompany() {
        UUID queue = UUID.randomUUID();
        Member only = a("ADMIN").seats("CONTACT_CENTER", "REMOTE_SUPPORT").build();
        AccountView alone = account("CONTACT_CENTER", "REMOTE_SUPPORT").with(only).queue(queue).build();
        assertTrue(may(alone, only, "cc.queue.login", Kind.QUEUE, queue), "ACC-1: AGENT too");
        assertTrue(may(alone, only, "cc.calls.monitor"), "ACC-1: SUPERVISOR too");
        Member other = a("STANDARD").build();
        AccountView two = account("CONTACT_CENTER").with(only, other).queue(queue).build();
        assertFalse(may(two, only, "cc.queue.login", Kind.QUEUE, queue), "CC-8 once the account has two members");

        Member tech = a("STANDARD").seats("REMOTE_SUPPORT").companies().build();
        assertTrue(may(account("REMOTE_SUPPORT").with(tech, other).build(), tech, "support.session.host"),
                "SUP-1: a session for no company needs no company access");
    }
}
