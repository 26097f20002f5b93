package com.example.accounts.session.infrastructure;

import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.vocabulary.CcRole;
import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.kit.CommandClock;
import com.example.accounts.session.application.AccountChanges;
import com.example.accounts.session.queue.domain.QueueEvent.Reason;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * The account events that end what members have here: {@code UserDeleted} (USR-6), and, for queue logins, the loss
 * of {@code AGENT} (CC-8), of the contact-center licence (SEAT-3) or of the module (SEAT-5), and a demotion to
 * observer (SEAT-6); {@code SecurityPolicyDisabled} ends what the policy admitted (INV-6); {@code AccountSettingsChanged}
 * says whether co-organizers are allowed, kept for participants, who cannot ask (TRN-2). Every other event is
 * passed over unread, so a type this service does not know never stops the channel.
 */
@ApplicationScoped
public class AccountEventsConsumer {

    static final String CHANNEL = "account-events";
    private static final Logger LOG = Logger.getLogger(AccountEventsConsumer.class);
    private static final String CONTACT_CENTER = Module.CONTACT_CENTER.name();

    private final AccountChanges changes;
    private final CommandClock clock;

    public AccountEventsConsumer(AccountChanges changes, CommandClock clock) {
        this.changes = changes;
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
        JsonNode data = event.path("data");
        return switch (event.path("type").asText()) {
            case "UserDeleted" -> changes.memberDeleted(account(event), member(data), eventId(event), clock.now());
            case "ContactCenterRoleRevoked" -> CcRole.AGENT.name().equals(data.path("role").asText())
                    ? queueLoginsEnd(event, Reason.AGENT_ROLE_REVOKED)
                    : nothing();
            case "SeatReleased" -> CONTACT_CENTER.equals(data.path("module").asText())
                    ? queueLoginsEnd(event, Reason.LICENCE_RELEASED)
                    : nothing();
            case "RoleChanged" -> Role.MONITORING_OBSERVER.name().equals(data.path("to").asText())
                    ? queueLoginsEnd(event, Reason.MADE_OBSERVER)
                    : nothing();
            // the event carries the whole new plan: without the module no login stays, whatever the plan was before
            case "PlanChanged" -> contactCenterIn(data.path("plan").path("modules"))
                    ? nothing()
                    : changes.contactCenterRemoved(account(event), eventId(event), clock.now());
            // INV-6: a disabled policy admits no one any more
            case "SecurityPolicyDisabled" -> changes.policyDisabled(account(event), UUID.fromString(data.get("policyId").asText()),
                    eventId(event), clock.now());
            // TRN-2: the event carries the whole new settings
            case "AccountSettingsChanged" -> changes.settingsChanged(account(event), data.path("settings").path("coOrganizers").asBoolean(true),
                    event.path("version").asLong());
            default -> nothing();
        };
    }

    private Uni<Void> queueLoginsEnd(JsonNode event, Reason reason) {
        return changes.queueLoginsEnded(account(event), member(event.path("data")), reason, eventId(event), clock.now());
    }

    private static boolean contactCenterIn(JsonNode modules) {
        for (JsonNode module : modules) {
            if (CONTACT_CENTER.equals(module.asText())) {
                return true;
            }
        }
        return false;
    }

    private static UUID account(JsonNode event) {
        return UUID.fromString(event.get("accountId").asText());
    }

    private static UUID eventId(JsonNode event) {
        return UUID.fromString(event.get("eventId").asText());
    }

    private static UUID member(JsonNode data) {
        return UUID.fromString(data.get("memberId").asText());
    }

    private static Uni<Void> nothing() {
        return Uni.createFrom().voidItem();
    }
}
