package com.example.accounts.notification.delivery;

import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.mailencoder.EmailAddress;
import io.vertx.ext.mail.mailencoder.MailEncoder;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * One SMTP conversation per email, that knows how far it got (NTF-5). Whether the server may have the mail depends on
 * that alone: before the final "." of the data it cannot have it, so a conversation that breaks off there is tried
 * again; once the "." went out, a reply lost to a timeout or a dropped connection leaves the mail possibly delivered,
 * and it is never sent again. Vert.x's mail client (behind Quarkus' mailer) fails both the same way, so this client
 * speaks the conversation itself; the MIME message is still Vert.x's encoding of it, and the server's settings are
 * still {@code quarkus.mailer.*}: host, port, tls, start-tls, trust-all, login, username, password, from,
 * bounce-address, own-host-name (the others, DKIM and key or trust stores among them, are not used here).
 *
 * <p>This class writes the email; {@link SmtpSettings} holds the settings, {@link SmtpConversation} the conversation's
 * steps and {@link SmtpConnection} its connection and deadline.
 */
@ApplicationScoped
public class SmtpClient {

    /** What became of one hand-over. */
    public sealed interface Outcome {
        /** The server answered the data with 2xx: it has the mail. */
        record Taken() implements Outcome {
        }

        /** The server answered with a 4xx or 5xx (at any step, the data's end included): it did not take the mail. */
        record Refused(int code, String reply) implements Outcome {
            public boolean lasting() {
                return code >= 500;
            }
        }

        /** No answer, or the connection lost, before the data was complete: the server cannot have the mail. */
        record NotHandedOver(String reason) implements Outcome {
        }

        /** No answer, or the connection lost, after the data was complete: the server may have the mail. */
        record Unanswered(String reason) implements Outcome {
        }

        /** The email cannot be written as SMTP (an address that is not one): no server will take it. */
        record Unsendable(String reason) implements Outcome {
        }
    }

    private final String from;
    private final SmtpSettings settings;

    public SmtpClient(NotificationConfig.SmtpServer server) {
        this.from = server.from();
        this.settings = SmtpSettings.of(server);
    }

    /** Hands the email to the server within {@code timeout}, all of it: connecting, every reply, the data. */
    public Outcome send(String recipient, String subject, String text, String html, String messageId, String language, Duration timeout) {
        String to;
        String message;
        try {
            to = new EmailAddress(recipient).getEmail();
            if (to.chars().anyMatch(c -> c < 0x21 || c == '<' || c == '>' || c > 0x7e)) {
                return new Outcome.Unsendable("not an address the mail can go to: " + recipient);
            }
            MailMessage mail = new MailMessage().setFrom(from).setTo(recipient).setSubject(subject).setText(text).setHtml(html);
            mail.addHeader("Message-ID", messageId).addHeader("Content-Language", language);
            message = new MailEncoder(mail, settings.ownHostName()).encode();
        } catch (IllegalArgumentException e) {
            return new Outcome.Unsendable("not an address the mail can go to: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Outcome.Unsendable("the mail cannot be written: " + e);
        }
        try (SmtpConnection connection = new SmtpConnection(settings, Instant.now().plus(timeout))) {
            return new SmtpConversation(settings, connection).deliver(to, message, timeout);
        }
    }
}
