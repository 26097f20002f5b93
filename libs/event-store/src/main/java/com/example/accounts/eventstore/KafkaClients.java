package com.example.accounts.eventstore;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one place a service's hand-built Kafka clients come from (the relays' producers, the projector's consumer, dead
 * letters, topic creation, the admin reads): each gets the service's whole {@code kafka.*} configuration, the same
 * Quarkus gives its messaging channels, so TLS or SASL ({@code kafka.security.protocol}, {@code kafka.sasl.*},
 * {@code kafka.ssl.*}) is configuration and never code. A client adds only what its own work needs (acks, isolation,
 * timeouts), and that wins over the shared settings. The topics a service creates get the configured replication
 * factor and {@code min.insync.replicas}, not one replica.
 */
public final class KafkaClients {

    private final Map<String, Object> shared;
    private final short replicationFactor;
    private final int minInsyncReplicas;

    /** {@code shared}: Kafka client properties without the {@code kafka.} prefix; it must name the bootstrap servers. */
    public KafkaClients(Map<String, ?> shared, int replicationFactor, int minInsyncReplicas) {
        if (!(shared.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) instanceof String servers) || servers.isBlank()) {
            throw new IllegalArgumentException("the Kafka configuration names no bootstrap.servers");
        }
        if (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE || minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("topics need a replication factor of at least 1 and min.insync.replicas between 1 and it, not "
                    + replicationFactor + " and " + minInsyncReplicas);
        }
        this.shared = Map.copyOf(shared);
        this.replicationFactor = (short) replicationFactor;
        this.minInsyncReplicas = minInsyncReplicas;
    }

    /** One plain broker without authentication and topics of one replica: the test platform's and local tools'. */
    public static KafkaClients plain(String bootstrapServers) {
        return new KafkaClients(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), 1, 1);
    }

    /**
     * The Kafka client properties an environment names, {@code KAFKA_SASL_JAAS_CONFIG} as {@code sasl.jaas.config}
     * (Kafka's names are lower case with dots, never underscores): for a tool that has no Quarkus configuration.
     */
    public static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> properties = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && name.length() > "KAFKA_".length()) {
                properties.put(name.substring("KAFKA_".length()).toLowerCase(java.util.Locale.ROOT).replace('_', '.'), value);
            }
        });
        return properties;
    }

    public String bootstrapServers() {
        return (String) shared.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    }

    public short replicationFactor() {
        return replicationFactor;
    }

    public int minInsyncReplicas() {
        return minInsyncReplicas;
    }

    /** The shared settings with the client's own on top: what every client below is built from. */
    public Map<String, Object> config(Map<String, ?> own) {
        Map<String, Object> config = new HashMap<>(shared);
        config.putAll(own);
        return config;
    }

    public KafkaProducer<String, String> producer(Map<String, ?> own) {
        return new KafkaProducer<>(config(own), new StringSerializer(), new StringSerializer());
    }

    public KafkaConsumer<String, String> consumer(Map<String, ?> own) {
        return new KafkaConsumer<>(config(own), new StringDeserializer(), new StringDeserializer());
    }

    /** An admin client that gives up on a call after 10 seconds. */
    public Admin admin() {
        return Admin.create(config(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000)));
    }

    /**
     * A topic as this platform creates it: the shape (name, partitions, its own settings) from the caller, the
     * replication from the configuration, and {@code min.insync.replicas} unless the topic sets its own.
     */
    public NewTopic topic(NewTopic shape) {
        Map<String, String> configs = new HashMap<>(shape.configs() == null ? Map.of() : shape.configs());
        configs.putIfAbsent("min.insync.replicas", Integer.toString(minInsyncReplicas));
        return new NewTopic(shape.name(), Optional.of(shape.numPartitions()), Optional.of(replicationFactor)).configs(configs);
    }
}
