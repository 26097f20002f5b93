package com.example.accounts.session.application;

import com.example.accounts.contract.InviteUrlSeal;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * session-service's own {@code platform.*} settings, one mapping per concern, as the kit's KitConfig: one mapping of
 * all of {@code platform} would have to name every other {@code platform.*} property too (the kit's, the launcher's).
 * Only {@code invite-emails.retention} has a default; the others are set in application.properties, and the beans
 * that read them refuse to start on a value out of bounds, naming the property.
 */
public final class SessionConfig {

    private SessionConfig() {
    }

    /** The address guests reach (join links, invite URLs): the gateway's in production. */
    @ConfigMapping(prefix = "platform.public-url")
    public interface PublicUrl {
        @WithParentName
        URI value();
    }

    /** The guest endpoints' budgets ({@code GuestLimits}) and their passes ({@code Passes}). */
    @ConfigMapping(prefix = "platform.guests")
    public interface GuestEndpoints {
        /** Attempts per address per window. */
        int perAddress();

        /** Attempts per session per window. */
        int perSession();

        Duration window();

        /** SUP-2, TRN-6: wrong codes per address and from all addresses together, per their window. */
        WrongCodes wrongCodes();

        /** The most counts kept. */
        int maxTracked();

        /** How long a pass is kept after it lapsed or its session ended. */
        Duration passesKept();

        Duration pruneEvery();

        /** INV-3: how long an external technician's guest key works after redemption at most. */
        Duration externalKeyLifetime();

        interface WrongCodes {
            int perAddress();

            int global();

            Duration window();
        }
    }

    @ConfigMapping(prefix = "platform.training")
    public interface Training {
        /** TRN-6: the most participants a training session holds. */
        int maxParticipants();
    }

    @ConfigMapping(prefix = "platform.codes")
    public interface Codes {
        /** The key of the hashes of codes, invite tokens and guest keys; Passes says what it must be when it is missing. */
        Optional<String> secret();
    }

    @ConfigMapping(prefix = "platform.invites")
    public interface Invites {
        /** INV-2: the keys invite URLs are sealed with ({@value InviteUrlSeal#CONFIG}). */
        @WithName("url-key")
        List<String> urlKeys();
    }

    @ConfigMapping(prefix = "platform.invite-emails")
    public interface InviteEmails {
        /** How long the invite-email requests topic keeps a request. */
        @WithDefault("2h")
        Duration retention();
    }
}
