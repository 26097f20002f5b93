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

/** Members and seats: who manages whom, and which membership a login acts as (USR-4, USR-8, USR-13, SEAT-1). */
class MemberRulesTest {

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
}
