package com.example.accounts.permission.domain;

import com.example.accounts.permission.domain.Resource.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static com.example.accounts.permission.domain.Fixtures.a;
import static com.example.accounts.permission.domain.Fixtures.account;
import static com.example.accounts.permission.domain.Fixtures.may;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Modules, their plan and seats, and Monitoring per company (SEAT-3 to SEAT-5, CMP-2, USR-3). */
class ModuleRulesTest {

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
}
