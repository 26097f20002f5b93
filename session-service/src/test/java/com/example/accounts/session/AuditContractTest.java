package com.example.accounts.session;

import com.example.accounts.contract.AuditContract;
import com.example.accounts.contract.Topics;
import com.example.accounts.session.queue.domain.QueueEvent;
import com.example.accounts.session.support.domain.SupportEvent;
import com.example.accounts.session.training.domain.TrainingEvent;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The audit contract says what session-service publishes to session-events: exactly the event types of its three aggregates. */
class AuditContractTest {

    @Test
    void EVT4_theAuditContractsSessionEventsChannelIsExactlyTheEventsThisServicePublishes() {
        Set<String> published = Stream.of(SupportEvent.class, TrainingEvent.class, QueueEvent.class)
                .flatMap(sealed -> Stream.of(sealed.getPermittedSubclasses())).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(published, AuditContract.typesByTopic().get(Topics.SESSION_EVENTS),
                "contract/asyncapi.yaml's session-events channel against the support, training and queue events");
    }
}
