package com.example.accounts.session.api;

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
 * An account's history told as the account-service would publish it, to the real Kafka, for the real
 * permission-service to project: Ada (the demo admin's login) opened it and is its ADMIN. Each test tells its own.
 */
final class AccountStory {

    static final PublishedEvents KAFKA = PublishedEvents.onTestPlatform();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    final UUID account = UUID.randomUUID();
    final UUID ada = UUID.randomUUID();
    private long version;
    private final List<EventEnvelope> pending = new ArrayList<>();
    private EventEnvelope last;

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

    /** Opened with these modules, 10 seats of each seat-bearing one; Ada holds none yet. */
    static AccountStory opened(String... modules) {
        AccountStory story = new AccountStory();
        ObjectNode data = data().put("accountId", story.account.toString()).put("name", "Acme").put("billingContactMemberId", story.ada.toString());
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

    /** A member with company access ALL and no features; {@code user} is a demo login, or null for a member who never signs in here. */
    UUID member(String role, String user, String name) {
        UUID member = UUID.randomUUID();
        String login = user == null ? UUID.randomUUID().toString() : loginOf(user);
        event("UserAdded", PublishedEvents.userAddedData(member, login, name, name.toLowerCase() + "@acme.example", role, true));
        return member;
    }

    AccountStory seat(UUID member, String module) {
        return event("SeatProvisioned", data().put("memberId", member.toString()).put("module", module));
    }

    AccountStory features(UUID member, String... features) {
        ObjectNode data = data().put("memberId", member.toString());
        var list = data.putArray("supportFeatures");
        for (String f : features) {
            list.add(f);
        }
        return event("SupportFeaturesChanged", data);
    }

    UUID company(String name) {
        UUID company = UUID.randomUUID();
        event("CompanyAdded", data().put("companyId", company.toString()).put("name", name));
        return company;
    }

    AccountStory companyAccess(UUID member, UUID... companies) {
        ObjectNode data = data().put("memberId", member.toString());
        var list = data.putObject("companyAccess").put("all", false).putArray("companies");
        for (UUID c : companies) {
            list.add(c.toString());
        }
        return event("CompanyAccessChanged", data);
    }

    UUID device(UUID company) {
        UUID device = UUID.randomUUID();
        event("DeviceAdded", data().put("deviceId", device.toString()).put("name", "srv").put("companyId", company.toString()).putNull("deviceGroupId"));
        return device;
    }

    UUID policy(String name, boolean enabled, String... permissions) {
        UUID policy = UUID.randomUUID();
        ObjectNode data = data().put("policyId", policy.toString()).put("name", name).put("description", "for tests");
        var list = data.putArray("permissions");
        for (String p : permissions) {
            list.add(p);
        }
        event("SecurityPolicyDefined", data);
        if (!enabled) {
            event("SecurityPolicyDisabled", data().put("policyId", policy.toString()));
        }
        return policy;
    }

    AccountStory settings(boolean serverInviteEmails, boolean coOrganizers) {
        ObjectNode data = data();
        data.putObject("settings").put("serverInviteEmails", serverInviteEmails).put("coOrganizers", coOrganizers).put("defaultLanguage", "en");
        return event("AccountSettingsChanged", data);
    }

    AccountStory event(String type, ObjectNode data) {
        last = PublishedEvents.event(account, ++version, type, "ada", data);
        pending.add(last);
        return this;
    }

    /** Publishes what was told since the last publish; answers the consistency token of the last event. */
    String publish() {
        KAFKA.publish(pending.toArray(EventEnvelope[]::new));
        pending.clear();
        return last.token(Topics.ACCOUNT_EVENTS).toString();
    }

    static RequestSpecification as(String user, String consistency) {
        return given().auth().oauth2(token(user)).header("Consistency-Token", consistency).contentType("application/json");
    }

    static ObjectNode data() {
        return EventJson.MAPPER.createObjectNode();
    }
}
