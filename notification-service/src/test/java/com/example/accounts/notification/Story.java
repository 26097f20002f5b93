package com.example.accounts.notification;

import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.InviteEmailRequest;
import com.example.accounts.contract.InviteUrlSeal;
import com.example.accounts.contract.Topics;
import com.example.accounts.contract.vocabulary.Language;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.eventstore.AccountHistory;
import com.example.accounts.eventstore.PublishedEvents;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An account's history published to the real Kafka: the account "Acme" opened by Ada (login {@code ada}, who acts
 * in every event), and the members the test adds, each with their own address so that mailboxes never mix.
 */
final class Story extends AccountHistory {

    private final Map<UUID, String> logins = new HashMap<>();
    private final Map<UUID, String> emails = new HashMap<>();

    final String adaEmail;

    private Story(String adaEmail) {
        super("ada", adaEmail);
        this.adaEmail = adaEmail;
        logins.put(ada, "ada");
        emails.put(ada, adaEmail);
    }

    static Story opened() {
        return new Story(unique("ada"));
    }

    /** An address no other test uses. */
    static String unique(String name) {
        return name.toLowerCase() + "." + UUID.randomUUID() + "@example.com";
    }

    /** A member with a new login ({@code loginCreated}), writing in {@code language} (null: none chosen). */
    UUID member(Role role, String name, String email, Language language) {
        return member(role, name, email, language, true);
    }

    UUID member(Role role, String name, String email, Language language, boolean newLogin) {
        UUID member = UUID.randomUUID();
        String login = "login-" + member;
        ObjectNode data = PublishedEvents.userAddedData(member, login, name, email, role.name(), newLogin);
        if (language != null) {
            data.put("language", language.code());
        }
        event("UserAdded", data);
        logins.put(member, login);
        emails.put(member, email);
        return member;
    }

    /** A member who signs in with this login (a demo user's, to call the API as them). */
    UUID memberWithLogin(Role role, String name, String login) {
        UUID member = UUID.randomUUID();
        event("UserAdded", PublishedEvents.userAddedData(member, login, name, unique(name), role.name(), false));
        logins.put(member, login);
        return member;
    }

    Story deleted(UUID member) {
        event("UserDeleted", data().put("memberId", member.toString()).put("loginId", logins.get(member)).put("email", emails.get(member)));
        return this;
    }

    Story billingContact(UUID from, UUID to) {
        event("BillingContactChanged", data().put("fromMemberId", from.toString()).put("toMemberId", to.toString()));
        return this;
    }

    Story defaultLanguage(Language language) {
        ObjectNode data = data();
        data.putObject("settings").put("serverInviteEmails", true).put("coOrganizers", true).put("defaultLanguage", language.code());
        event("AccountSettingsChanged", data);
        return this;
    }

    /** Session-service's request to email an invite (NTF-3), its URL sealed as session-service seals it (INV-2), on its topic; answers the invite's id. */
    UUID inviteEmail(String email, String externalName, String comments, String policy, Instant expiresAt, String url, String language) {
        UUID invite = UUID.randomUUID();
        publishInviteEmail(inviteRequest(invite, email, externalName, comments, policy, expiresAt, seal().seal(url, account, invite, email), language));
        return invite;
    }

    /** The request as session-service writes it, with whatever sealed URL the test gives. */
    ObjectNode inviteRequest(UUID invite, String email, String externalName, String comments, String policy, Instant expiresAt,
            InviteEmailRequest.SealedUrl sealedUrl, String language) {
        return EventJson.MAPPER.valueToTree(new InviteEmailRequest(account, UUID.randomUUID(), invite, ada, email, externalName, comments, policy,
                expiresAt, sealedUrl, language));
    }

    void publishInviteEmail(ObjectNode request) {
        PublishedEvents.onTestPlatform().publishRaw(Topics.INVITE_EMAILS, account.toString(), request.toString());
    }

    /** The seal of the keys this service is given, which session-service is given too. */
    static InviteUrlSeal seal() {
        return InviteUrlSeal.of(ConfigProvider.getConfig().getValues(InviteUrlSeal.CONFIG, String.class));
    }

}
