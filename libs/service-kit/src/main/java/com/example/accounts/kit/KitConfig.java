package com.example.accounts.kit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The kit's configuration, one mapping per concern, each with the defaults a service gets when it sets nothing. */
public final class KitConfig {

    private KitConfig() {
    }

    /** SEC-1: how many verified tokens are remembered, and for how long at most ({@link VerifiedTokens}). */
    @ConfigMapping(prefix = "platform.auth")
    public interface Auth {
        @WithDefault("10000")
        int verifiedTokens();

        @WithDefault("60s")
        Duration verifiedTokenTrust();
    }

    /** The command pipeline's bounds ({@link com.example.accounts.kit.command.CommandPipeline}). */
    @ConfigMapping(prefix = "platform.commands")
    public interface Commands {
        /** Commands waiting for one stream's writer; more are refused. */
        @WithDefault("512")
        int queuePerStream();

        /** Commands decided and appended in one transaction. */
        @WithDefault("64")
        int group();

        /** Stream writers kept between commands. */
        @WithDefault("10000")
        int streamsKept();
    }

    /** A service's event store and its relay ({@link EventStoreLifecycle}, {@link RelayReadiness}). */
    @ConfigMapping(prefix = "platform.event-store")
    public interface EventStore {
        /** Read at build time: whether the service stores events at all. */
        @WithDefault("false")
        boolean enabled();

        /** The topic the relay publishes to; a service that stores events names it. */
        Optional<String> topic();

        @WithDefault("12")
        int partitions();

        @WithDefault("10s")
        Duration writerTimeout();

        Relay relay();

        interface Relay {
            /** EVT-3: readiness is DOWN once an unpublished event waited longer. */
            @WithDefault("30s")
            Duration maxLag();

            /** How often the relay's meters are read. */
            @WithDefault("10s")
            Duration metricsEvery();
        }
    }

    /** The topics a service creates ({@link KafkaConfiguration}). */
    @ConfigMapping(prefix = "platform.kafka.topics")
    public interface KafkaTopics {
        @WithDefault("1")
        int replicationFactor();

        @WithDefault("1")
        int minInsyncReplicas();
    }
}
