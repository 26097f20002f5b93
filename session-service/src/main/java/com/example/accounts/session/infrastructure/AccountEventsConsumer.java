package com.example.accounts.session.infrastructure;

import com.example.accounts.contract.EventJson;
import com.example.accounts.session.application.MemberDeletions;
import com.example.accounts.session.application.PolicyDisablings;
import com.example.accounts.session.application.SessionClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * The account events this service acts on: {@code UserDeleted} (USR-6) and {@code SecurityPolicyDisabled}, which
 * ends what the policy admitted (INV-6). Every other event is passed over unread, so a type this service does not
 * know never stops the channel.
 */
@ApplicationScoped
public class AccountEventsConsumer {

    static final String CHANNEL = "account-events";
    private static final Logger LOG = Logger.getLogger(AccountEventsConsumer.class);

    private final MemberDeletions deletions;
    private final PolicyDisablings policyDisablings;
    private final SessionClock clock;

    public AccountEventsConsumer(MemberDeletions deletions, PolicyDisablings policyDisablings, SessionClock clock) {
        this.deletions = deletions;
        this.policyDisablings = policyDisablings;
        this.clock = clock;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String json) {
        JsonNode event;
        try {
            event = EventJson.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            LOG.warnf("passing over a record of %s that is not JSON: %s", CHANNEL, e.getMessage());
            return Uni.createFrom().voidItem();
        }
        if ("SecurityPolicyDisabled".equals(event.path("type").asText())) {
            return policyDisablings.policyDisabled(UUID.fromString(event.get("accountId").asText()),
                    UUID.fromString(event.path("data").get("policyId").asText()), UUID.fromString(event.get("eventId").asText()), clock.now());
        }
        if (!"UserDeleted".equals(event.path("type").asText())) {
            return Uni.createFrom().voidItem();
        }
        return deletions.memberDeleted(UUID.fromString(event.get("accountId").asText()), UUID.fromString(event.path("data").get("memberId").asText()),
                UUID.fromString(event.get("eventId").asText()), clock.now());
    }
}
