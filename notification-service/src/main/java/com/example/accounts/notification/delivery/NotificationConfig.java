package com.example.accounts.notification.delivery;

import com.example.accounts.contract.InviteUrlSeal;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * notification-service's settings, one mapping per concern (the kit's are in KitConfig). One per prefix rather than
 * one under {@code platform}: a mapping refuses a key under its prefix that it does not name, and {@code platform.*}
 * holds the kit's and Keycloak's too. The channels' topics stay Reactive Messaging's own ({@link Positions}).
 */
public final class NotificationConfig {

    private NotificationConfig() {
    }

    /** NTF-5: how a passing SMTP failure is tried again, and how long a hand-over and its claim may take ({@link Sender}). */
    @ConfigMapping(prefix = "platform.mail")
    public interface Mail {
        Retry retry();

        /** How long a hand-over to SMTP may take. */
        Duration sendTimeout();

        /** A claim older than this was left by a stopped instance (UNCERTAIN); longer than {@link #sendTimeout()}. */
        Duration claimTimeout();

        /** After first, twice that, ... up to longest, until give-up-after. */
        interface Retry {
            Duration first();

            Duration longest();

            Duration giveUpAfter();
        }
    }

    /** NTF-1: where a member signs in, and where a new login chooses its password ({@link Notifications}). */
    @ConfigMapping(prefix = "platform.links")
    public interface Links {
        String signIn();

        String choosePassword();
    }

    /** INV-2: the keys invite URLs are sealed with, the first seals and all open ({@link Rendering}). */
    @ConfigMapping(prefix = "platform.invites")
    public interface Invites {
        /** {@value InviteUrlSeal#CONFIG}, comma separated. */
        @WithName("url-key")
        List<String> urlKeys();
    }

    /** NTF-3: how long the invite email requests topic keeps a request, when this service creates it ({@link InviteEmailsConsumer}). */
    @ConfigMapping(prefix = "platform.invite-emails")
    public interface InviteEmails {
        @WithDefault("2h")
        Duration retention();
    }

    /**
     * The SMTP server, in the mailer's own keys and with its defaults; only those {@link SmtpClient} reads (Quarkus lets
     * the mailer's other keys be).
     */
    @ConfigMapping(prefix = "quarkus.mailer")
    public interface SmtpServer {
        @WithDefault("localhost")
        String host();

        /** 465 with TLS, 25 without, when not set. */
        Optional<Integer> port();

        /** TLS from the first byte; {@link #ssl()} when not set. */
        Optional<Boolean> tls();

        /** The mailer's older name of {@link #tls()}. */
        @WithDefault("false")
        boolean ssl();

        /** DISABLED, OPTIONAL or REQUIRED, in any case. */
        @WithDefault("OPTIONAL")
        String startTls();

        @WithDefault("false")
        boolean trustAll();

        /** DISABLED, NONE or REQUIRED, in any case. */
        @WithDefault("NONE")
        String login();

        Optional<String> username();

        Optional<String> password();

        String from();

        /** The envelope's sender; {@link #from()} when not set. */
        Optional<String> bounceAddress();

        /** The name this service greets with; the local host's when not set. */
        Optional<String> ownHostName();
    }
}
