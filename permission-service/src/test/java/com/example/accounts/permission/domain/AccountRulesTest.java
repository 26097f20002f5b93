package com.example.accounts.permission.domain;

import org.junit.jupiter.api.Test;

import static com.example.accounts.permission.domain.Fixtures.a;
import static com.example.accounts.permission.domain.Fixtures.account;
import static com.example.accounts.permission.domain.Fixtures.may;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The account itself: who views it and manages their own profile (USR-10, USR-11). */
class AccountRulesTest {

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
}
