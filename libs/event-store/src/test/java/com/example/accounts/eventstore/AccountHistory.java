package com.example.accounts.eventstore;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.Topics;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One account's history told as events, as account-service and session-service publish them, for the tests of the
 * services that read them: {@link #ada} opened it and is its ADMIN and billing contact. Told events wait until
 * {@link #publish} sends them, in order, to the real Kafka.
 */
public class AccountHistory {

    private static final List<String> SEAT_BEARING = List.of("REMOTE_SUPPORT", "SERVICE_DESK", "CONTACT_CENTER");

    public final UUID account = UUID.randomUUID();
    public final UUID ada = UUID.randomUUID();
    private long version;
    private final Map<UUID, Long> sessionVersions = new ConcurrentHashMap<>();
    private final List<EventEnvelope[]> pending = new ArrayList<>();
    private EventEnvelope last;
    private EventEnvelope lastSession;

    /** Opens the account with these modules in the plan, 10 seats of each seat-bearing one; Ada signs in as {@code adaLogin}. */
    protected AccountHistory(String adaLogin, String adaEmail, String... modules) {
        ObjectNode data = data().put("accountId", account.toString()).put("name", "Acme").put("billingContactMemberId", ada.toString());
        ObjectNode plan = data.putObject("plan");
        var seats = plan.putArray("seats");
        var listed = plan.putArray("modules");
        for (String module : modules) {
            listed.add(module);
            if (SEAT_BEARING.contains(module)) {
                seats.addObject().put("module", module).put("seats", 10);
            }
        }
        event("AccountOpened", data);
        event("UserAdded", PublishedEvents.userAddedData(ada, adaLogin, "Ada", adaEmail, "ADMIN", false));
    }

    /** A member with company access ALL and no features; {@code login} null for a member who never signs in. */
    public UUID member(String role, String login, String name) {
        UUID member = UUID.randomUUID();
        event("UserAdded", PublishedEvents.userAddedData(member, login == null ? UUID.randomUUID().toString() : login, name,
                name.toLowerCase() + "@acme.example", role, true));
        return member;
    }

    public AccountHistory seat(UUID member, String module) {
        return event("SeatProvisioned", data().put("memberId", member.toString()).put("module", module));
    }

    public AccountHistory features(UUID member, String... features) {
        ObjectNode data = data().put("memberId", member.toString());
        var list = data.putArray("supportFeatures");
        for (String feature : features) {
            list.add(feature);
        }
        return event("SupportFeaturesChanged", data);
    }

    public UUID company(String name) {
        UUID company = UUID.randomUUID();
        event("CompanyAdded", data().put("companyId", company.toString()).put("name", name));
        return company;
    }

    public AccountHistory companyAccess(UUID member, UUID... companies) {
        ObjectNode data = data().put("memberId", member.toString());
        var list = data.putObject("companyAccess").put("all", false).putArray("companies");
        for (UUID company : companies) {
            list.add(company.toString());
        }
        return event("CompanyAccessChanged", data);
    }

    public UUID device(UUID company) {
        UUID device = UUID.randomUUID();
        event("DeviceAdded", data().put("deviceId", device.toString()).put("name", "srv").put("companyId", company.toString()).putNull("deviceGroupId"));
        return device;
    }

    /** A security policy, enabled for invites or not (INV-6). */
    public UUID policy(String name, boolean enabled, String... permissions) {
        UUID policy = UUID.randomUUID();
        ObjectNode data = data().put("policyId", policy.toString()).put("name", name).put("description", "for tests");
        var list = data.putArray("permissions");
        for (String permission : permissions) {
            list.add(permission);
        }
        event("SecurityPolicyDefined", data);
        if (!enabled) {
            event("SecurityPolicyDisabled", data().put("policyId", policy.toString()));
        }
        return policy;
    }

    public AccountHistory settings(boolean serverInviteEmails, boolean coOrganizers) {
        ObjectNode data = data();
        data.putObject("settings").put("serverInviteEmails", serverInviteEmails).put("coOrganizers", coOrganizers).put("defaultLanguage", "en");
        return event("AccountSettingsChanged", data);
    }

    public AccountHistory event(String type, ObjectNode data) {
        last = PublishedEvents.event(account, ++version, type, "ada", data);
        pending.add(new EventEnvelope[]{last});
        return this;
    }

    public AccountHistory sessionEvent(UUID session, String type, ObjectNode data) {
        long next = sessionVersions.merge(session, 1L, Long::sum);
        lastSession = PublishedEvents.sessionEvent(account, session, next, type, "ada", data);
        pending.add(new EventEnvelope[]{null, lastSession});
        return this;
    }

    /** Publishes what was told since the last publish, in order; answers the consistency token of the last account event. */
    public String publish() {
        return publish(Topics.ACCOUNT_EVENTS);
    }

    /** The same, with the account events to another topic (one a test's service reads alone). */
    public String publish(String accountTopic) {
        for (EventEnvelope[] event : pending) {
            if (event.length == 1) {
                PublishedEvents.onTestPlatform().publishTo(accountTopic, event[0]);
            } else {
                PublishedEvents.onTestPlatform().publishTo(Topics.SESSION_EVENTS, event[1]);
            }
        }
        pending.clear();
        return last.token(Topics.ACCOUNT_EVENTS).toString();
    }

    /** The account events told and not yet published. */
    public List<EventEnvelope> pending() {
        return pending.stream().filter(e -> e.length == 1).map(e -> e[0]).toList();
    }

    /** The consistency token of the last session event told. */
    public String sessionToken() {
        return lastSession.token(Topics.SESSION_EVENTS).toString();
    }

    public EventEnvelope last() {
        return last;
    }

    public static ObjectNode data() {
        return EventJson.MAPPER.createObjectNode();
    }
}
