package com.example.accounts.permission.domain;

import com.example.accounts.permission.domain.Resource.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.example.accounts.permission.domain.Fixtures.a;
import static com.example.accounts.permission.domain.Fixtures.account;
import static com.example.accounts.permission.domain.Fixtures.may;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Devices, by full admins and by limited admins supervising their group (CMP-4). */
class CompanyRulesTest {

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
}
