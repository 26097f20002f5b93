package com.example.accounts.permission.api;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.Topics;
import com.example.accounts.eventstore.PublishedEvents;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/**
 * One account's history told as events and published to the real Kafka, as the account- and session-services
 * would: Ada (the demo admin's login) opened it and is its ADMIN and billing contact.
 */
final class Story {

    static final PublishedEvents KAFKA = PublishedEvents.onTestPlatform();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    final UUID account = UUID.randomUUID();
    final UUID ada = UUID.randomUUID();
    private long version;
    private final Map<UUID, Long> sessionVersions = new ConcurrentHashMap<>();
    private final List<EventEnvelope[]> pending = new ArrayList<>();
    private EventEnvelope last;
    private EventEnvelope lastSession;

    /** Tokens are valid for minutes: one per user and test JVM. */
    static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> Tokens.password(TestPlatform.get().keycloak().realmUrl(), u, Tokens.DEMO_PASSWORD));
    }

    static String loginOf(String user) {
        String payload = new String(Base64.getUrlDecoder().decode(token(user).split("\\.")[1]));
        try {
            return EventJson.MAPPER.readTree(payload).get("sub").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user));
    }

    /** Opened with these modules in the plan, 10 seats of each seat-bearing one. */
    static Story opened(String... modules) {
        Story story = new Story();
        ObjectNode data = EventJson.MAPPER.createObjectNode().put("accountId", story.account.toString()).put("name", "Acme")
                .put("billingContactMemberId", story.ada.toString());
        ObjectNode plan = data.putObject("plan");
        var seats = plan.putArray("seats");
        var listed = plan.putArray("modules");
        for (String module : modules) {
            listed.add(module);
            if (List.of("REMOTE_SUPPORT", "SERVICE_DESK", "CONTACT_CENTER").contains(module)) {
                seats.addObject().put("module", module).put("seats", 10);
            }
        }
        story.event("AccountOpened", data);
        story.event("UserAdded", PublishedEvents.userAddedData(story.ada, loginOf(Tokens.DEMO_ADMIN), "Ada", Tokens.DEMO_ADMIN, "ADMIN", false));
        return story;
    }

    /** A member with company access ALL and no features; {@code login} may be a demo user's. */
    UUID member(String role, String login, String name) {
        UUID member = UUID.randomUUID();
        event("UserAdded", PublishedEvents.userAddedData(member, login, name, name.toLowerCase() + "@acme.example", role, true));
        return member;
    }

    Story event(String type, ObjectNode data) {
        last = PublishedEvents.event(account, ++version, type, "ada", data);
        pending.add(new EventEnvelope[] {last});
        return this;
    }

    Story seat(UUID member, String module) {
        return event("SeatProvisioned", EventJson.MAPPER.createObjectNode().put("memberId", member.toString()).put("module", module));
    }

    Story sessionEvent(UUID session, String type, ObjectNode data) {
        long next = sessionVersions.merge(session, 1L, Long::sum);
        EventEnvelope event = PublishedEvents.sessionEvent(account, session, next, type, "ada", data);
        lastSession = event;
        pending.add(new EventEnvelope[] {null, event});
        return this;
    }

    /** Publishes what was told since the last publish; answers the consistency token of the last account event. */
    String publish() {
        for (EventEnvelope[] event : pending) {
            if (event.length == 1) {
                KAFKA.publish(event[0]);
            } else {
                KAFKA.publishTo(Topics.SESSION_EVENTS, event[1]);
            }
        }
        pending.clear();
        return last.token(Topics.ACCOUNT_EVENTS).toString();
    }

    /** The account events told and not yet published. */
    List<EventEnvelope> pending() {
        return pending.stream().filter(e -> e.length == 1).map(e -> e[0]).toList();
    }

    /** The consistency token of the last session event published. */
    String sessionToken() {
        return lastSession.token(Topics.SESSION_EVENTS).toString();
    }

    EventEnvelope last() {
        return last;
    }

    static ObjectNode data() {
        return EventJson.MAPPER.createObjectNode();
    }
}
