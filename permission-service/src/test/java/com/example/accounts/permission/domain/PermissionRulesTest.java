package com.example.accounts.permission.domain;

import com.example.accounts.permission.domain.AccountView.Session;
import com.example.accounts.permission.domain.Resource.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.example.accounts.permission.domain.Fixtures.a;
import static com.example.accounts.permission.domain.Fixtures.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PermissionRulesTest {

    private static boolean may(AccountView account, Member member, String permission) {
        return PermissionRules.decide(account, member, permission).allowed();
    }

    private static boolean may(AccountView account, Member member, String permission, Kind kind, UUID id) {
        return PermissionRules.decide(account, member, permission, new Resource(kind, id)).allowed();
    }

    @Test
    void PRM2_aDenialSaysWhatDecidedAndWhatIsMissing() {
        Member ben = a("STANDARD").build();
        AccountView acme = account().with(ben).build();
        Decision denied = PermissionRules.decide(acme, ben, "members.manage");
        assertFalse(denied.allowed());
        assertTrue(denied.reasons().get(0).contains("role STANDARD"), denied.reasons().toString());
        assertEquals(List.of("role ADMIN"), denied.missing());
    }

    @Test
    void PRM2_aResourceOfAKindThePermissionDoesNotTakeIsRefusedByName() {
        Member ada = a("ADMIN").build();
        AccountView acme = account().with(ada).build();
        var refused = assertThrows(IllegalArgumentException.class,
                () -> PermissionRules.decide(acme, ada, "billing.change", new Resource(Kind.COMPANY, UUID.randomUUID())));
        assertTrue(refused.getMessage().contains("ask it without a resource"), refused.getMessage());
        assertEquals(Set.of(Kind.QUEUE), PermissionRules.resourceKinds("cc.queue.login"));
        assertEquals(40, PermissionRules.permissions().size(), "every name of the rule book's Permission names");
    }

    @Test
    void USR11_observersDoNotViewAccountDataNorReports() {
        Member olga = a("MONITORING_OBSERVER").build();
        Member ben = a("STANDARD").build();
        AccountView acme = account("MONITORING").with(olga, ben).build();
        assertFalse(may(acme, olga, "account.view"));
        assertFalse(may(acme, olga, "reports.view"));
        assertTrue(may(acme, ben, "account.view"));
        assertTrue(may(acme, olga, "profile.manage-own"));
    }

    @Test
    void USR13_aLoginWithTwoMembershipsActsAsTheEarliestNeverAsMapOrderHasIt() {
        // many accounts, both ways round: a choice in map order would pick the later membership in about half of them
        for (int i = 0; i < 64; i++) {
            boolean adminFirst = i % 2 == 0;
            Member earlier = member("login-ben", adminFirst ? "ADMIN" : "STANDARD", 10 + i);
            Member later = member("login-ben", adminFirst ? "STANDARD" : "ADMIN", 20 + i);
            Member ada = member("login-ada", "ADMIN", 1);
            AccountView acme = account().with(later, ada, earlier).build();
            assertEquals(earlier.memberId(), acme.memberByLogin("login-ben").orElseThrow().memberId(), "USR-13: the membership added first");
            assertEquals(adminFirst, may(acme, acme.memberByLogin("login-ben").orElseThrow(), "members.manage"));
            assertFalse(may(acme, earlier, "members.manage", Kind.MEMBER, later.memberId()), "USR-8: the same login's other membership is their own");
        }
    }

    private static Member member(String login, String role, long addedAt) {
        return new Member(UUID.randomUUID(), login, login, role, false, Set.of(), Set.of(), true, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), addedAt);
    }

    @Test
    void USR4_aLimitedAdminManagesOnlyNonAdminMembersOfTheGroupsItSupervises() {
        UUID support = UUID.randomUUID();
        UUID sales = UUID.randomUUID();
        Member lena = a("LIMITED_ADMIN").supervises(Set.of(support), Set.of()).build();
        Member inSupport = a("STANDARD").groups(support).build();
        Member inSales = a("STANDARD").groups(sales).build();
        Member adminInSupport = a("ADMIN").groups(support).build();
        AccountView acme = account().with(lena, inSupport, inSales, adminInSupport).build();

        for (String permission : List.of("members.manage", "seats.provision")) {
            assertTrue(may(acme, lena, permission, Kind.MEMBER, inSupport.memberId()), permission);
            assertFalse(may(acme, lena, permission, Kind.MEMBER, inSales.memberId()), permission);
            assertFalse(may(acme, lena, permission, Kind.MEMBER, adminInSupport.memberId()), permission);
            assertFalse(may(acme, lena, permission), permission + " account-wide");
            assertTrue(may(acme, adminInSupport, permission, Kind.MEMBER, inSales.memberId()), "a full admin manages everyone");
        }
        Decision unknown = PermissionRules.decide(acme, lena, "members.manage", new Resource(Kind.MEMBER, UUID.randomUUID()));
        assertFalse(unknown.allowed());
        assertEquals(List.of("an existing member"), unknown.missing());
    }

    @Test
    void CMP4_devicesAreManagedByFullAdminsAndByLimitedAdminsSupervisingTheirGroup() {
        UUID kiosks = UUID.randomUUID();
        UUID company = UUID.randomUUID();
        UUID kiosk = UUID.randomUUID();
        UUID server = UUID.randomUUID();
        Member lena = a("LIMITED_ADMIN").supervises(Set.of(), Set.of(kiosks)).build();
        Member ada = a("ADMIN").build();
        Member ben = a("STANDARD").build();
        AccountView acme = account().with(lena, ada, ben).company(company).device(kiosk, company, kiosks).device(server, company, null).build();
        assertTrue(may(acme, lena, "devices.manage", Kind.DEVICE, kiosk));
        assertFalse(may(acme, lena, "devices.manage", Kind.DEVICE, server));
        assertTrue(may(acme, ada, "devices.manage", Kind.DEVICE, server));
        assertFalse(may(acme, ben, "devices.manage", Kind.DEVICE, kiosk));
        assertFalse(may(acme, lena, "groups.manage"), "CMP-3: only full admins manage groups");
    }

    @Test
    void CMP4_aLimitedAdminSupervisingADeviceGroupMayAddDevicesAsTheAccountServiceAllows() {
        UUID kiosks = UUID.randomUUID();
        Member lena = a("LIMITED_ADMIN").supervises(Set.of(), Set.of(kiosks)).build();
        Member lars = a("LIMITED_ADMIN").supervises(Set.of(UUID.randomUUID()), Set.of()).build();
        Member ada = a("ADMIN").build();
        Member ben = a("STANDARD").build();
        AccountView acme = account().with(lena, lars, ada, ben).build();
        Decision adding = PermissionRules.decide(acme, lena, "devices.manage");
        assertTrue(adding.allowed(), "CMP-4: the account-service lets her add a device to the group she supervises: " + adding.reasons());
        assertTrue(adding.reasons().get(0).contains(kiosks.toString()), adding.reasons().toString());
        Decision noDeviceGroup = PermissionRules.decide(acme, lars, "devices.manage");
        assertFalse(noDeviceGroup.allowed(), "supervising no device group, he adds none");
        assertEquals(List.of("role ADMIN, or supervision of a device group"), noDeviceGroup.missing());
        assertTrue(may(acme, ada, "devices.manage"));
        assertFalse(may(acme, ben, "devices.manage"));
    }

    @Test
    void CMP2_USR3_companyAccessDecidesPerCompanyAndAnEmptyListReachesNone() {
        UUID north = UUID.randomUUID();
        UUID south = UUID.randomUUID();
        Member listed = a("MONITORING_OBSERVER").companies(north).build();
        Member none = a("MONITORING_OBSERVER").companies().build();
        Member everywhere = a("STANDARD").build();
        Member admin = a("LIMITED_ADMIN").companies().build();
        AccountView acme = account("MONITORING").with(listed, none, everywhere, admin).company(north).company(south).build();
        assertTrue(may(acme, listed, "monitoring.view", Kind.COMPANY, north));
        assertFalse(may(acme, listed, "monitoring.view", Kind.COMPANY, south));
        assertFalse(may(acme, none, "monitoring.view", Kind.COMPANY, north));
        assertFalse(may(acme, none, "monitoring.view"), "an empty list reaches no company, never all");
        assertTrue(may(acme, everywhere, "monitoring.view", Kind.COMPANY, south));
        assertTrue(may(acme, admin, "monitoring.view", Kind.COMPANY, south), "USR-3: admins reach every company");
        assertFalse(may(acme, everywhere, "monitoring.view", Kind.COMPANY, UUID.randomUUID()), "a company of no account");
    }

    @Test
    void SEAT3_SEAT4_SEAT5_modulesFollowThePlanAndTheSeatAdminsIncluded() {
        Member admin = a("ADMIN").build();
        Member seated = a("STANDARD").seats("REMOTE_SUPPORT", "SERVICE_DESK").build();
        Member observer = a("MONITORING_OBSERVER").build();
        AccountView acme = account("REMOTE_SUPPORT", "MONITORING", "CONTACT_CENTER").with(admin, seated, observer).build();
        Decision adminWithoutSeat = PermissionRules.decide(acme, admin, "module.remote-support");
        assertFalse(adminWithoutSeat.allowed());
        assertEquals(List.of("a REMOTE_SUPPORT seat"), adminWithoutSeat.missing());
        assertTrue(may(acme, seated, "module.remote-support"));
        assertFalse(may(acme, seated, "module.service-desk"), "SEAT-5: not in the plan, the seat grants nothing");
        assertTrue(may(acme, observer, "module.monitoring"), "SEAT-4");
        assertFalse(may(acme, admin, "cc.admin"), "SEAT-3: no contact-center licence, not even for a full admin");
        assertFalse(may(account("REMOTE_SUPPORT").with(observer).build(), observer, "module.monitoring"));
    }

    @Test
    void FEAT1_SUP1_SUP3_supportNeedsTheSeatTheFeatureAndTheCompanyOfTheDevice() {
        UUID north = UUID.randomUUID();
        UUID south = UUID.randomUUID();
        UUID northServer = UUID.randomUUID();
        UUID southServer = UUID.randomUUID();
        Member tech = a("STANDARD").seats("REMOTE_SUPPORT").features("UNATTENDED_ACCESS", "FILE_TRANSFER").companies(north).build();
        Member admin = a("ADMIN").seats("REMOTE_SUPPORT").build();
        Member noFeature = a("STANDARD").seats("REMOTE_SUPPORT").build();
        AccountView acme = account("REMOTE_SUPPORT").with(tech, admin, noFeature).company(north).company(south)
                .device(northServer, north, null).device(southServer, south, null).build();
        assertTrue(may(acme, tech, "support.session.host", Kind.COMPANY, north));
        assertFalse(may(acme, tech, "support.session.host", Kind.COMPANY, south));
        assertTrue(may(acme, tech, "support.unattended", Kind.DEVICE, northServer));
        assertFalse(may(acme, tech, "support.unattended", Kind.DEVICE, southServer), "SUP-3: the device's company");
        assertFalse(may(acme, noFeature, "support.unattended", Kind.DEVICE, northServer), "SUP-3: UNATTENDED_ACCESS");
        assertTrue(may(acme, admin, "support.unattended", Kind.DEVICE, southServer), "USR-3");
        assertTrue(may(acme, tech, "support.file-transfer"));
        assertEquals(List.of("the REMOTE_CONTROL support feature"), PermissionRules.decide(acme, tech, "support.remote-control").missing());
    }

    @Test
    void SUP4_SUP5_SUP6_insideASessionOnlyItsCurrentTechnicianActsAndNotOnceEnded() {
        Member ada = a("ADMIN").seats("REMOTE_SUPPORT").build();
        Member ben = a("STANDARD").seats("REMOTE_SUPPORT").features("REMOTE_CONTROL").build();
        UUID running = UUID.randomUUID();
        UUID handed = UUID.randomUUID();
        UUID ended = UUID.randomUUID();
        UUID policy = UUID.randomUUID();
        AccountView acme = account("REMOTE_SUPPORT").with(ada, ben).policy(policy, true)
                .session(new Session(running, Session.SUPPORT, ben.memberId(), Set.of(), null, null, false))
                .session(new Session(handed, Session.SUPPORT, ada.memberId(), Set.of(), null, null, false))
                .session(new Session(ended, Session.SUPPORT, ben.memberId(), Set.of(), null, null, true)).build();
        assertTrue(may(acme, ben, "support.remote-control", Kind.SESSION, running));
        assertFalse(may(acme, ben, "support.remote-control", Kind.SESSION, handed), "SUP-6: handed to Ada, Ben no longer acts in it");
        assertTrue(may(acme, ada, "support.remote-control", Kind.SESSION, handed));
        assertFalse(may(acme, ben, "support.remote-control", Kind.SESSION, ended), "SUP-5");
        assertFalse(may(acme, ben, "support.file-transfer", Kind.SESSION, running), "SUP-4: the acting technician's feature");
    }

    @Test
    void REP1_reportsAreTheFullAdminsTheTechniciansWhoWorkedASessionAndTheLimitedAdminsOfItsGroups() {
        UUID support = UUID.randomUUID();
        UUID kiosks = UUID.randomUUID();
        UUID company = UUID.randomUUID();
        UUID kiosk = UUID.randomUUID();
        Member ada = a("ADMIN").build();
        Member ben = a("STANDARD").seats("REMOTE_SUPPORT").groups(support).build();
        Member cleo = a("STANDARD").seats("REMOTE_SUPPORT").build();
        Member dan = a("STANDARD").seats("REMOTE_SUPPORT").build();
        Member lena = a("LIMITED_ADMIN").seats("REMOTE_SUPPORT").supervises(Set.of(support), Set.of(kiosks)).build();
        Member olga = a("MONITORING_OBSERVER").build();
        UUID handedOver = UUID.randomUUID();
        UUID dansOwn = UUID.randomUUID();
        UUID toTheKiosk = UUID.randomUUID();
        UUID training = UUID.randomUUID();
        AccountView acme = account("REMOTE_SUPPORT", "TRAINING").with(ada, ben, cleo, dan, lena, olga).company(company).device(kiosk, company, kiosks)
                // Ben started it and handed it to Cleo
                .session(new Session(handedOver, Session.SUPPORT, cleo.memberId(), Set.of(), null, null, true, Set.of(ben.memberId(), cleo.memberId())))
                .session(new Session(dansOwn, Session.SUPPORT, dan.memberId(), Set.of(), null, null, false))
                .session(new Session(toTheKiosk, Session.SUPPORT, dan.memberId(), Set.of(), company, kiosk, false))
                .session(new Session(training, Session.TRAINING, dan.memberId(), Set.of(ben.memberId()), null, null, true)).build();

        assertTrue(may(acme, ada, "reports.view"), "REP-1: account reports are the full admins'");
        for (UUID session : List.of(handedOver, dansOwn, toTheKiosk, training)) {
            assertTrue(may(acme, ada, "reports.view", Kind.SESSION, session), "REP-1: a full admin sees every session's report");
            assertFalse(may(acme, olga, "reports.view", Kind.SESSION, session), "REP-1: observers none");
        }
        for (Member member : List.of(ben, cleo, dan, lena, olga)) {
            assertFalse(may(acme, member, "reports.view"), "REP-1: account-wide reports are the full admins' only, not " + member.role());
        }
        assertTrue(may(acme, ben, "reports.view", Kind.SESSION, handedOver), "REP-1: Ben worked it before handing it over");
        assertTrue(may(acme, cleo, "reports.view", Kind.SESSION, handedOver), "REP-1: Cleo worked it after");
        assertFalse(may(acme, dan, "reports.view", Kind.SESSION, handedOver), "REP-1: Dan never worked it");
        assertFalse(may(acme, ben, "reports.view", Kind.SESSION, dansOwn));
        assertTrue(may(acme, lena, "reports.view", Kind.SESSION, handedOver), "REP-1: Ben, who worked it, is in a group Lena supervises");
        assertFalse(may(acme, lena, "reports.view", Kind.SESSION, dansOwn), "REP-1: Dan is in none of her groups");
        assertTrue(may(acme, lena, "reports.view", Kind.SESSION, toTheKiosk), "REP-1: the device is in a device group she supervises");
        assertTrue(may(acme, dan, "reports.view", Kind.SESSION, training), "TRN-3: the organizer");
        assertFalse(may(acme, ben, "reports.view", Kind.SESSION, training), "TRN-3: a co-organizer has no after-session features");
        assertFalse(may(acme, lena, "reports.view", Kind.SESSION, UUID.randomUUID()), "a session of no account");
    }

    @Test
    void INV1_invitingNeedsASessionOfOnesOwnAndAPolicyEnabledForInvites() {
        Member ben = a("STANDARD").seats("REMOTE_SUPPORT").build();
        UUID session = UUID.randomUUID();
        Session mine = new Session(session, Session.SUPPORT, ben.memberId(), Set.of(), null, null, false);
        AccountView disabledOnly = account("REMOTE_SUPPORT").with(ben).policy(UUID.randomUUID(), false).session(mine).build();
        AccountView enabled = account("REMOTE_SUPPORT").with(ben).policy(UUID.randomUUID(), true).session(mine).build();
        Decision refused = PermissionRules.decide(disabledOnly, ben, "support.invite-external", new Resource(Kind.SESSION, session));
        assertFalse(refused.allowed());
        assertTrue(refused.missing().contains("a security policy enabled for invites"), refused.missing().toString());
        assertTrue(may(enabled, ben, "support.invite-external", Kind.SESSION, session));
        assertFalse(may(enabled, ben, "support.invite-external", Kind.SESSION, UUID.randomUUID()));
    }

    @Test
    void TRN1_TRN2_TRN3_organizersAndCoOrganizersHostOnlyTheOrganizerSeesTheReports() {
        Member organizer = a("STANDARD").build();
        Member co = a("STANDARD").build();
        Member other = a("ADMIN").build();
        Member observer = a("MONITORING_OBSERVER").build();
        UUID training = UUID.randomUUID();
        Session session = new Session(training, Session.TRAINING, organizer.memberId(), Set.of(co.memberId()), null, null, false);
        AccountView acme = account("TRAINING").with(organizer, co, other, observer).session(session).build();
        assertTrue(may(acme, organizer, "training.session.host", Kind.SESSION, training));
        assertTrue(may(acme, co, "training.session.host", Kind.SESSION, training));
        assertFalse(may(acme, other, "training.session.host", Kind.SESSION, training));
        assertTrue(may(acme, other, "training.session.schedule"));
        assertFalse(may(acme, observer, "training.session.schedule"), "TRN-1: observers cannot");
        assertTrue(may(acme, organizer, "reports.view", Kind.SESSION, training));
        assertFalse(may(acme, co, "reports.view", Kind.SESSION, training), "TRN-3: after-session features are the organizer's");

        AccountView off = account("TRAINING").with(organizer, co).coOrganizersOff().session(session).build();
        Decision turnedOff = PermissionRules.decide(off, co, "training.session.host", new Resource(Kind.SESSION, training));
        assertFalse(turnedOff.allowed());
        assertTrue(turnedOff.missing().contains("the account setting coOrganizers"), turnedOff.missing().toString());
        assertFalse(may(account("REMOTE_SUPPORT").with(organizer).build(), organizer, "training.session.schedule"));
    }

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
    void PRM3_effectivePermissionsListAccountWideOnesAndTheResourcesOfScopedOnes() {
        UUID north = UUID.randomUUID();
        UUID south = UUID.randomUUID();
        Member tech = a("STANDARD").seats("REMOTE_SUPPORT").companies(north).build();
        AccountView acme = account("REMOTE_SUPPORT", "MONITORING").with(tech).company(north).company(south).build();
        var effective = PermissionRules.effective(acme, tech);
        var host = effective.stream().filter(e -> e.permission().equals("support.session.host")).findFirst().orElseThrow();
        assertFalse(host.accountWide(), "not for South");
        assertTrue(host.withoutResource(), "hosting needs no company (SUP-1)");
        assertEquals(List.of(new Resource(Kind.COMPANY, north)), host.resources());
        var monitoring = effective.stream().filter(e -> e.permission().equals("monitoring.view")).findFirst().orElseThrow();
        assertEquals(List.of(new Resource(Kind.COMPANY, north)), monitoring.resources());
        Member ada = a("ADMIN").build();
        AccountView withAdmin = account("REMOTE_SUPPORT").with(tech, ada).build();
        assertTrue(PermissionRules.effective(withAdmin, ada).stream().anyMatch(e -> e.permission().equals("members.manage") && e.accountWide()),
                "every other member; one's own membership is profile.manage-own");
        assertTrue(effective.stream().noneMatch(e -> e.permission().equals("members.manage")));
        Member lena = a("LIMITED_ADMIN").supervises(Set.of(UUID.randomUUID()), Set.of()).build();
        UUID group = lena.supervisedUserGroups().iterator().next();
        Member inGroup = a("STANDARD").groups(group).build();
        AccountView withGroups = account().with(lena, inGroup).build();
        var manage = PermissionRules.effective(withGroups, lena).stream().filter(e -> e.permission().equals("members.manage")).findFirst().orElseThrow();
        assertFalse(manage.accountWide());
        assertEquals(List.of(new Resource(Kind.MEMBER, inGroup.memberId())), manage.resources());
    }

    @Test
    void USR8_SEAT1_nobodyManagesTheirOwnMembershipAndObserversGetNoSeats() {
        Member ada = a("ADMIN").build();
        Member olga = a("MONITORING_OBSERVER").build();
        Member ben = a("STANDARD").build();
        AccountView acme = account("REMOTE_SUPPORT").with(ada, olga, ben).build();
        assertFalse(may(acme, ada, "members.manage", Kind.MEMBER, ada.memberId()), "USR-8");
        assertTrue(may(acme, ada, "members.manage", Kind.MEMBER, ben.memberId()));
        assertFalse(may(acme, ada, "seats.provision", Kind.MEMBER, olga.memberId()), "SEAT-1");
        assertTrue(may(acme, ada, "seats.provision", Kind.MEMBER, ben.memberId()));
        Member seatedObserver = a("MONITORING_OBSERVER").seats("REMOTE_SUPPORT").build();
        assertFalse(may(account("REMOTE_SUPPORT").with(seatedObserver, ada).build(), seatedObserver, "module.remote-support"),
                "SEAT-1: a seat left over from an earlier role grants an observer nothing");
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

    @Test
    void TRN1_aLimitedAdminSchedulesAndHostsTrainingObserversNeverAndNobodyWithoutTheModule() {
        Member lena = a("LIMITED_ADMIN").build();
        Member olga = a("MONITORING_OBSERVER").build();
        UUID training = UUID.randomUUID();
        Session hers = new Session(training, Session.TRAINING, lena.memberId(), Set.of(olga.memberId()), null, null, false);
        AccountView acme = account("TRAINING").with(lena, olga).session(hers).build();
        assertTrue(may(acme, lena, "training.session.schedule"), "TRN-1 names ADMIN, LIMITED_ADMIN and STANDARD");
        assertTrue(may(acme, lena, "training.session.host", Kind.SESSION, training), "TRN-1: the limited admin organizes it");
        assertFalse(may(acme, olga, "training.session.schedule"), "TRN-1: observers never");
        assertFalse(may(acme, olga, "training.session.host", Kind.SESSION, training), "TRN-1/TRN-3: an observer co-organizer cannot host");
        AccountView moduleGone = account("REMOTE_SUPPORT").with(lena, olga).session(hers).build();
        assertFalse(may(moduleGone, lena, "training.session.schedule"), "TRN-1: without TRAINING nobody");
        assertFalse(may(moduleGone, lena, "training.session.host", Kind.SESSION, training), "TRN-3: the module gone");
    }

    @Test
    void TRN3_SEAT5_reportsOfATrainingNeedTheModule() {
        Member lena = a("LIMITED_ADMIN").build();
        Member organizer = a("STANDARD").build();
        UUID training = UUID.randomUUID();
        Session session = new Session(training, Session.TRAINING, organizer.memberId(), Set.of(), null, null, true);
        assertTrue(may(account("TRAINING").with(organizer, lena).session(session).build(), organizer, "reports.view", Kind.SESSION, training),
                "after the session ended, its organizer's");
        assertFalse(may(account("REMOTE_SUPPORT").with(organizer, lena).session(session).build(), organizer, "reports.view", Kind.SESSION, training),
                "SEAT-5: TRAINING no longer in the plan");
    }
}
