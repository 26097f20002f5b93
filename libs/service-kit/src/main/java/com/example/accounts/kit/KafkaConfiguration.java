package com.example.accounts.kit;

import com.example.accounts.eventstore.KafkaClients;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service's {@link KafkaClients}: every {@code kafka.*} property (in the environment {@code KAFKA_*}, as
 * {@code KAFKA_SASL_JAAS_CONFIG} for {@code sasl.jaas.config}), read the way Quarkus reads them for its messaging
 * channels, so the clients the service builds itself reach Kafka exactly as its channels do. Topics it creates get
 * {@code platform.kafka.topics.replication-factor} replicas and {@code platform.kafka.topics.min-insync-replicas}.
 */
@Singleton
public class KafkaConfiguration {

    private static final String PREFIX = "kafka.";
    private static final String ENV_PREFIX = "KAFKA_";

    @Produces
    @Singleton
    KafkaClients kafkaClients(Config config, KitConfig.KafkaTopics topics) {
        return new KafkaClients(properties(config), topics.replicationFactor(), topics.minInsyncReplicas());
    }

    /** The Kafka client properties of the configuration, without the prefix. */
    static Map<String, String> properties(Config config) {
        Map<String, String> properties = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            String key;
            if (name.startsWith(PREFIX)) {
                key = name.substring(PREFIX.length());
            } else if (name.startsWith(ENV_PREFIX)) {
                // an environment variable: Kafka's property names are lower case with dots, never underscores
                key = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
            } else {
                continue;
            }
            // looked up by the dotted name, so a variable and a property for the same key give the one value that wins
            config.getOptionalValue(PREFIX + key, String.class).or(() -> config.getOptionalValue(name, String.class))
                    .ifPresent(value -> properties.put(key, value));
        }
        return properties;
    }
}
