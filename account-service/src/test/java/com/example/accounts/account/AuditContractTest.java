package com.example.accounts.account;

import com.example.accounts.account.domain.AccountEvent;
import com.example.accounts.contract.AuditContract;
import com.example.accounts.contract.Topics;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The audit contract says what account-service publishes to account-events: exactly its event types. */
class AuditContractTest {

    @Test
    void EVT4_theAuditContractsAccountEventsChannelIsExactlyTheEventsThisServicePublishes() {
        Set<String> published = Arrays.stream(AccountEvent.class.getPermittedSubclasses()).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(published, AuditContract.typesByTopic().get(Topics.ACCOUNT_EVENTS),
                "contract/asyncapi.yaml's account-events channel against AccountEvent's records");
    }
}
