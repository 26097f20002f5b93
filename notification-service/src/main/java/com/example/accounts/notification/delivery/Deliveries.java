package com.example.accounts.notification.delivery;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.notification.domain.ExternalInviteEmail;
import com.example.accounts.notification.domain.MemberAddedEmail;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Keeps what notification-service needs to know of accounts (names of accounts and members) and the record of
 * every email sent. An email is sent at most once per event and recipient: it is skipped when its delivery is
 * recorded, and its Message-ID is derived from the event and recipient so that a resend is recognisable.
 */
@ApplicationScoped
public class Deliveries {

    static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS accounts (account_id uuid PRIMARY KEY, name text NOT NULL);
            CREATE TABLE IF NOT EXISTS members (
                account_id uuid NOT NULL, login_id text NOT NULL, name text NOT NULL, PRIMARY KEY (account_id, login_id));
            ALTER TABLE members ADD COLUMN IF NOT EXISTS member_id uuid;
            CREATE TABLE IF NOT EXISTS deliveries (
                event_id uuid NOT NULL, recipient text NOT NULL, account_id uuid NOT NULL, kind text NOT NULL,
                message_id text NOT NULL, sent_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (event_id, recipient));
            """;

    private final Pool pool;
    private final ReactiveMailer mailer;
    private final String signInLink;
    private final String choosePasswordLink;

    public Deliveries(Pool pool, ReactiveMailer mailer,
                      @ConfigProperty(name = "platform.links.sign-in") String signInLink,
                      @ConfigProperty(name = "platform.links.choose-password") String choosePasswordLink) {
        this.pool = pool;
        this.mailer = mailer;
        this.signInLink = signInLink;
        this.choosePasswordLink = choosePasswordLink;
    }

    void migrate(@Observes StartupEvent event) {
        pool.withTransaction(c -> c.query("SELECT pg_advisory_xact_lock(7355610)").execute().chain(() -> c.query(SCHEMA).execute()))
                .await().indefinitely();
    }

    public Uni<Void> handle(EventEnvelope event) {
        var data = event.data();
        return switch (event.type()) {
            case "AccountOpened" -> pool.preparedQuery("INSERT INTO accounts (account_id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                    .execute(Tuple.of(event.accountId(), data.get("name").asText())).replaceWithVoid();
            case "UserAdded" -> pool.preparedQuery("""
                            INSERT INTO members (account_id, login_id, name, member_id) VALUES ($1, $2, $3, $4)
                            ON CONFLICT (account_id, login_id) DO UPDATE SET member_id = excluded.member_id""")
                    .execute(Tuple.of(event.accountId(), data.get("loginId").asText(), data.get("name").asText(), UUID.fromString(data.get("memberId").asText())))
                    .chain(() -> event.actor().equals(data.get("loginId").asText())
                            ? Uni.createFrom().voidItem() // the person who opened the account added themselves
                            : memberAdded(event));
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> memberAdded(EventEnvelope event) {
        var data = event.data();
        String to = data.get("email").asText();
        return alreadySent(event.eventId(), to).chain(sent -> sent ? Uni.createFrom().voidItem()
                : pool.preparedQuery("""
                                SELECT a.name AS account, coalesce(m.name, 'An administrator') AS adder
                                FROM accounts a LEFT JOIN members m ON m.account_id = a.account_id AND m.login_id = $2
                                WHERE a.account_id = $1""")
                .execute(Tuple.of(event.accountId(), event.actor()))
                .chain(rows -> {
                    var row = rows.iterator().next();
                    MemberAddedEmail email = MemberAddedEmail.of(to, data.get("name").asText(), row.getString("account"),
                            row.getString("adder"), data.get("loginCreated").asBoolean(), signInLink, choosePasswordLink);
                    String messageId = messageId(event.eventId(), to);
                    Mail mail = Mail.withText(email.to(), email.subject(), email.text()).addHeader("Message-ID", messageId);
                    return mailer.send(mail).chain(() -> record(event, to, "MEMBER_ADDED", messageId));
                }));
    }

    /**
     * NTF-3: the invite email session-service asked for, with the URL that never enters the event log. Sent at most
     * once per invite and address; the inviter's name is the account's, when this service knows it yet.
     */
    public Uni<Void> inviteEmail(InviteEmail request) {
        return alreadySent(request.inviteId(), request.email()).chain(sent -> sent ? Uni.createFrom().voidItem()
                : pool.preparedQuery("SELECT name FROM members WHERE account_id = $1 AND member_id = $2")
                .execute(Tuple.of(request.accountId(), request.inviterMemberId()))
                .chain(rows -> {
                    String inviter = rows.size() == 0 ? "A technician" : rows.iterator().next().getString("name");
                    ExternalInviteEmail email = ExternalInviteEmail.of(request.email(), request.externalName(), inviter, request.comments(),
                            request.policyName(), request.expiresAt(), request.url());
                    String messageId = messageId(request.inviteId(), request.email());
                    Mail mail = Mail.withText(email.to(), email.subject(), email.text()).addHeader("Message-ID", messageId);
                    return mailer.send(mail).chain(() -> record(request.inviteId(), request.email(), request.accountId(), "EXTERNAL_INVITE", messageId));
                }));
    }

    private Uni<Boolean> alreadySent(UUID eventId, String recipient) {
        return pool.preparedQuery("SELECT 1 FROM deliveries WHERE event_id = $1 AND recipient = $2")
                .execute(Tuple.of(eventId, recipient)).map(rows -> rows.size() > 0);
    }

    private Uni<Void> record(EventEnvelope event, String recipient, String kind, String messageId) {
        return record(event.eventId(), recipient, event.accountId(), kind, messageId);
    }

    private Uni<Void> record(UUID eventId, String recipient, UUID accountId, String kind, String messageId) {
        return pool.preparedQuery("""
                        INSERT INTO deliveries (event_id, recipient, account_id, kind, message_id) VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(eventId, recipient, accountId, kind, messageId)).replaceWithVoid();
    }

    /** NTF-5: the same event and recipient always give the same Message-ID. */
    static String messageId(UUID eventId, String recipient) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(recipient.toLowerCase().getBytes(StandardCharsets.UTF_8));
            return "<" + eventId + "." + HexFormat.of().formatHex(hash, 0, 8) + "@accounts.local>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
