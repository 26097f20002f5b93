package com.example.accounts.notification.delivery;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.EventSchemas;
import com.example.accounts.contract.InviteEmailRequest;
import com.example.accounts.contract.vocabulary.Language;
import com.example.accounts.notification.domain.Email;
import com.example.accounts.notification.domain.EmailKind;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What each event means here: one handler per event type, which keeps the directory and says which emails it
 * causes. Each handler is idempotent. Emails are asked for only when the event is live (read at or after the live
 * position): an event read again from history teaches the directory and sends nothing.
 */
@ApplicationScoped
public class Notifications {

    /** The events this service acts on; the others are read past. */
    static final Set<String> TYPES = Set.of("AccountOpened", "AccountSettingsChanged", "UserAdded", "UserProfileChanged", "RoleChanged",
            "UserDeleted", "BillingContactChanged");

    private static final Directory.Account UNKNOWN_ACCOUNT = new Directory.Account("", Language.DEFAULT.code());

    private final Directory directory;
    private final String signInLink;
    private final String choosePasswordLink;

    public Notifications(Directory directory, NotificationConfig.Links links) {
        this.directory = directory;
        this.signInLink = links.signIn();
        this.choosePasswordLink = links.choosePassword();
    }

    /** Fails with {@link Unprocessable} for an event of a type acted on whose data breaks its schema. */
    static void check(EventEnvelope event) {
        if (!TYPES.contains(event.type())) {
            return;
        }
        List<String> problems = EventSchemas.INSTANCE.validate(event.type(), EventSchemas.INSTANCE.currentVersion(event.type()), event.data());
        if (!problems.isEmpty()) {
            throw new Unprocessable("corrupt " + event.type() + ": " + String.join("; ", problems));
        }
    }

    Uni<List<Email>> apply(SqlClient c, EventEnvelope event, boolean live) {
        JsonNode data = event.data();
        UUID account = event.accountId();
        return switch (event.type()) {
            case "AccountOpened" -> directory.accountOpened(c, account, data.get("name").asText()).replaceWith(List.of());
            case "AccountSettingsChanged" -> directory.defaultLanguage(c, account, data.get("settings").get("defaultLanguage").asText()).replaceWith(List.of());
            case "UserAdded" -> userAdded(c, event, live);
            case "UserProfileChanged" -> directory.profileChanged(c, account, uuid(data, "memberId"), data.get("name").asText(), data.get("email").asText())
                    .replaceWith(List.of());
            case "RoleChanged" -> directory.roleChanged(c, account, uuid(data, "memberId"), data.get("to").asText()).replaceWith(List.of());
            case "UserDeleted" -> userDeleted(c, event, live);
            case "BillingContactChanged" -> billingContactChanged(c, event, live);
            default -> Uni.createFrom().item(List.of());
        };
    }

    /** NTF-1: the new member is told, unless they added themselves (the person who opened the account). */
    private Uni<List<Email>> userAdded(SqlClient c, EventEnvelope event, boolean live) {
        JsonNode data = event.data();
        Directory.Member member = new Directory.Member(uuid(data, "memberId"), data.get("loginId").asText(), data.get("name").asText(),
                data.get("email").asText(), data.hasNonNull("language") ? data.get("language").asText() : null, data.get("role").asText());
        Uni<Void> known = directory.memberAdded(c, event.accountId(), member);
        if (!live || event.actor().equals(member.loginId())) {
            return known.replaceWith(List.of());
        }
        return known.chain(() -> account(c, event.accountId()))
                .chain(account -> actorName(c, event, "An administrator").map(addedBy -> {
                    boolean newLogin = data.get("loginCreated").asBoolean();
                    return List.of(new Email(event.eventId(), event.accountId(), member.email(), EmailKind.MEMBER_ADDED,
                            Language.pick(member.language(), account.language()),
                            Map.of("name", member.name(), "account", account.name(), "addedBy", addedBy, "newLogin", newLogin,
                                    "link", newLogin ? choosePasswordLink : signInLink)));
                }));
    }

    /** NTF-2: the deleted member is told, at the address the deletion names, in the language they had. */
    private Uni<List<Email>> userDeleted(SqlClient c, EventEnvelope event, boolean live) {
        JsonNode data = event.data();
        UUID memberId = uuid(data, "memberId");
        Uni<List<Email>> emails = !live
                ? Uni.createFrom().item(List.of())
                : directory.member(c, event.accountId(), memberId).chain(member -> account(c, event.accountId())
                        .chain(account -> actorName(c, event, "An administrator").map(deletedBy -> List.of(new Email(event.eventId(), event.accountId(),
                                data.get("email").asText(), EmailKind.MEMBER_DELETED,
                                Language.pick(member.map(Directory.Member::language).orElse(null), account.language()),
                                Map.of("name", member.map(Directory.Member::name).orElse(data.get("email").asText()), "account", account.name(),
                                        "deletedBy", deletedBy))))));
        return emails.call(() -> directory.memberDeleted(c, event.accountId(), memberId));
    }

    /** NTF-4: the new holder and the one before are both told. */
    private Uni<List<Email>> billingContactChanged(SqlClient c, EventEnvelope event, boolean live) {
        if (!live) {
            return Uni.createFrom().item(List.of());
        }
        UUID account = event.accountId();
        return directory.member(c, account, uuid(event.data(), "fromMemberId"))
                .chain(from -> directory.member(c, account, uuid(event.data(), "toMemberId"))
                        .chain(to -> account(c, account).map(known -> {
                            List<Email> emails = new ArrayList<>();
                            String fromName = from.map(Directory.Member::name).orElse("");
                            String toName = to.map(Directory.Member::name).orElse("");
                            to.ifPresent(holder -> emails.add(new Email(event.eventId(), account, holder.email(), EmailKind.BILLING_CONTACT_NEW,
                                    Language.pick(holder.language(), known.language()),
                                    Map.of("name", holder.name(), "account", known.name(), "from", fromName))));
                            from.ifPresent(before -> emails.add(new Email(event.eventId(), account, before.email(), EmailKind.BILLING_CONTACT_OLD,
                                    Language.pick(before.language(), known.language()),
                                    Map.of("name", before.name(), "account", known.name(), "to", toName))));
                            return emails;
                        })));
    }

    /**
     * NTF-3: the external technician is emailed the URL session-service asked to send, in the language asked or the
     * account's. The URL stays sealed here (INV-2): it is opened only when the mail is written for its hand-over.
     */
    Uni<List<Email>> invite(SqlClient c, InviteEmailRequest request, boolean live) {
        if (!live) {
            return Uni.createFrom().item(List.of());
        }
        return account(c, request.accountId()).chain(account -> directory.member(c, request.accountId(), request.inviterMemberId()).map(inviter -> {
            Language language = Language.pick(request.language(), account.language());
            String expires = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(language.locale())
                    .withZone(ZoneOffset.UTC).format(request.expiresAt()) + " UTC";
            return List.of(new Email(request.inviteId(), request.accountId(), request.email(), EmailKind.EXTERNAL_INVITE, language,
                    Map.of("name", request.externalName(), "inviter", inviter.map(Directory.Member::name).orElse("A technician"),
                            "comments", request.comments() == null ? "" : request.comments(), "policy", request.policyName(),
                            "expires", expires, "url", request.sealedUrl())));
        }));
    }

    private Uni<Directory.Account> account(SqlClient c, UUID accountId) {
        return directory.account(c, accountId).map(found -> found.orElse(UNKNOWN_ACCOUNT));
    }

    private Uni<String> actorName(SqlClient c, EventEnvelope event, String otherwise) {
        return directory.memberByLogin(c, event.accountId(), event.actor()).map(found -> found.map(Directory.Member::name).orElse(otherwise));
    }

    private static UUID uuid(JsonNode data, String field) {
        return UUID.fromString(data.get(field).asText());
    }
}
