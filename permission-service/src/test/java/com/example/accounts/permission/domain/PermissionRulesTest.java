package com.example.accounts.permission.domain;

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

/** The registry: what a denial says, the resources a permission takes, and the permissions a member holds (PRM-2, PRM-3). */
class PermissionRulesTest {

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
}
