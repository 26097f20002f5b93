package com.example.accounts.account.domain;

import com.example.accounts.account.domain.AccountCommand.ChangeRole;
import com.example.accounts.account.domain.AccountCommand.DeleteMember;
import com.example.accounts.account.domain.AccountCommand.ProvisionSeat;
import com.example.accounts.account.domain.AccountCommand.ReleaseSeat;
import com.example.accounts.account.domain.AccountEvent.PlanChanged;
import com.example.accounts.account.domain.AccountEvent.RoleChanged;
import com.example.accounts.account.domain.AccountEvent.SeatProvisioned;
import com.example.accounts.account.domain.AccountEvent.SeatReleased;
import com.example.accounts.account.domain.AccountEvent.SupervisedGroupsChanged;
import com.example.accounts.account.domain.AccountEvent.UserDeleted;
import com.example.accounts.account.domain.AccountEvent.UserGroupCreated;
import com.example.accounts.account.domain.AccountEvent.UserGroupsChanged;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.SeatCount;
import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.kit.decider.GivenWhenThen.Given;
import com.example.accounts.rules.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link SeatRules}: seats within those bought, for modules of the plan, released with the member; contact-center licences. */
class SeatRulesTest extends AcmeAccount {

    @Test
    void SEAT2_seatsNeverExceedThoseBoughtAndTheRefusalNamesTheCounts() {
        UUID ben = member("ben", Role.STANDARD);
        UUID cy = member("cy", Role.STANDARD);
        Given<Account, AccountCommand, AccountEvent> acme = given()
                .when(new ProvisionSeat("ada", ada, Module.REMOTE_SUPPORT, NOW)).then(new SeatProvisioned(ada, Module.REMOTE_SUPPORT))
                .when(new ProvisionSeat("ada", ben, Module.REMOTE_SUPPORT, NOW)).accepted();

        Refusal full = acme.when(new ProvisionSeat("ada", cy, Module.REMOTE_SUPPORT, NOW)).thenRefused(RuleId.SEAT_2);
        assertEquals("REMOTE_SUPPORT: 2 seats bought, 2 in use", full.getMessage());
        acme.when(new ProvisionSeat("ada", ben, Module.REMOTE_SUPPORT, NOW)).as("a seat held already is no second seat").thenNothing()
                .when(new ReleaseSeat("ada", ben, Module.REMOTE_SUPPORT, NOW)).then(new SeatReleased(ben, Module.REMOTE_SUPPORT))
                .when(new ProvisionSeat("ada", cy, Module.REMOTE_SUPPORT, NOW)).accepted();
    }

    @Test
    void CC1_aLimitedAdminAssignsNoContactCenterLicenceButOtherSeatsOfItsGroups() {
        Plan withContactCenter = new Plan(List.of(Module.REMOTE_SUPPORT, Module.CONTACT_CENTER),
                List.of(new SeatCount(Module.REMOTE_SUPPORT, 2), new SeatCount(Module.CONTACT_CENTER, 2)));
        happened(new PlanChanged(withContactCenter));
        UUID lia = member("lia", Role.LIMITED_ADMIN);
        UUID ben = member("ben", Role.STANDARD);
        UUID support = UUID.randomUUID();
        Given<Account, AccountCommand, AccountEvent> acme = given(new UserGroupCreated(support, "Support"), new UserGroupsChanged(ben, List.of(support)),
                new SupervisedGroupsChanged(lia, List.of(support), List.of()));

        acme = acme.when(new ProvisionSeat("lia", ben, Module.REMOTE_SUPPORT, NOW)).then(new SeatProvisioned(ben, Module.REMOTE_SUPPORT));
        acme.when(new ProvisionSeat("lia", ben, Module.CONTACT_CENTER, NOW)).thenRefused(RuleId.CC_1, Refusal.Kind.FORBIDDEN);
        acme = acme.when(new ProvisionSeat("ada", ben, Module.CONTACT_CENTER, NOW)).accepted();
        acme.when(new ReleaseSeat("lia", ben, Module.CONTACT_CENTER, NOW)).as("nor takes one away").thenRefused(RuleId.CC_1);
        acme.when(new ReleaseSeat("ada", ben, Module.CONTACT_CENTER, NOW)).then(new SeatReleased(ben, Module.CONTACT_CENTER));
    }

    @Test
    void SEAT1_SEAT5_observersHoldNoSeatAndModulesOutsideThePlanTakeNone() {
        UUID olga = member("olga", Role.MONITORING_OBSERVER);
        Given<Account, AccountCommand, AccountEvent> acme = given();
        acme.when(new ProvisionSeat("ada", olga, Module.REMOTE_SUPPORT, NOW)).thenRefused(RuleId.SEAT_1);
        acme.when(new ProvisionSeat("ada", ada, Module.SERVICE_DESK, NOW)).thenRefused(RuleId.SEAT_5);
        acme.when(new ProvisionSeat("ada", ada, Module.MONITORING, NOW)).thenRefused(RuleId.SEAT_1);
    }

    @Test
    void SEAT6_USR6_deletingOrMakingAnObserverReleasesTheSeats() {
        UUID ben = member("ben", Role.STANDARD);
        UUID cy = member("cy", Role.STANDARD);
        Given<Account, AccountCommand, AccountEvent> acme = given(new SeatProvisioned(ben, Module.REMOTE_SUPPORT),
                new SeatProvisioned(cy, Module.REMOTE_SUPPORT))
                .when(new ChangeRole("ada", ben, Role.MONITORING_OBSERVER, NOW))
                .then(new SeatReleased(ben, Module.REMOTE_SUPPORT), new RoleChanged(ben, Role.STANDARD, Role.MONITORING_OBSERVER))
                .when(new DeleteMember("ada", cy, NOW)).then(new SeatReleased(cy, Module.REMOTE_SUPPORT), new UserDeleted(cy, "cy", "cy@acme.test"));
        assertEquals(0, acme.state().seatsInUse(Module.REMOTE_SUPPORT));
        acme.when(new ChangeRole("ada", cy, Role.ADMIN, NOW)).as("a deleted member is gone for good").thenRefused(RuleId.ACC_6);
    }

    @Test
    void SEAT3_SEAT4_seatsComeOnlyByProvisioningAdminsIncludedAndMonitoringTakesNone() {
        UUID ben = member("ben", Role.ADMIN);
        Given<Account, AccountCommand, AccountEvent> acme = given();
        assertEquals(Set.of(), acme.state().members().get(ada).seats(), "opening an account gives its admin no seat (SEAT-3)");
        assertEquals(Set.of(), acme.state().members().get(ben).seats());
        Refusal monitoring = acme.when(new ProvisionSeat("ada", ben, Module.MONITORING, NOW)).thenRefused(RuleId.SEAT_1);
        assertEquals("MONITORING is not sold in seats", monitoring.getMessage(), "SEAT-4: open to every member, with no seat");
        acme = acme.when(new ProvisionSeat("ada", ben, Module.REMOTE_SUPPORT, NOW)).accepted();
        assertEquals(Set.of(Module.REMOTE_SUPPORT), acme.state().members().get(ben).seats());
    }
}
