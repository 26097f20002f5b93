package com.example.accounts.audit;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.Topics;
import com.example.accounts.eventstore.KafkaClients;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * An account's history as an audit consumer outside the platform reads it, with nothing but the published contract
 * (envelope, schemas, upcasters) and a Kafka client: every record of the topics from their beginning, only what
 * committed (read_committed), keyed by the account. Within a topic an account's events keep their order (one
 * partition per account, EVT-3); the topics are kept forever (EVT-4), so the history is whole.
 * <p>
 * {@code ./platform audit <accountId> [--topic <topic>]... [--bootstrap <host:port>] [--kafka-config <file>]}
 * <p>
 * Its consumer takes the whole Kafka configuration, as a service's clients do ({@link KafkaClients}): every
 * {@code KAFKA_*} variable of the environment ({@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_JAAS_CONFIG}, ...),
 * then the Kafka client properties of {@code --kafka-config} (as Kafka's own tools' {@code --command-config}), then
 * {@code --bootstrap}; without any, {@code 127.0.0.1:9092}.
 */
public final class AuditLog {

    private static final Duration READ_LIMIT = Duration.ofMinutes(2);
    private static final String USAGE = "usage: audit <accountId> [--topic <topic>]... [--bootstrap <host:port>] [--kafka-config <file>]";

    private AuditLog() {
    }

    public static void main(String[] args) {
        try {
            Arguments arguments = Arguments.parse(args);
            print(arguments.kafka(System.getenv()), arguments.topics(), arguments.account(), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("audit: " + e.getMessage());
            System.err.println(USAGE + "  (topics: " + Topics.ALL + ")");
            System.exit(2);
        }
    }

    /** Prints the account's events of each topic, oldest first; a record that is not a readable event says why. */
    public static void print(KafkaClients kafka, List<String> topics, UUID account, PrintStream out) {
        for (String topic : topics) {
            List<ConsumerRecord<String, String>> records = read(kafka, topic, account);
            out.println("== " + topic + ": " + records.size() + " records of account " + account);
            for (ConsumerRecord<String, String> record : records) {
                out.println(line(record));
            }
        }
    }

    static String line(ConsumerRecord<String, String> record) {
        try {
            EventEnvelope event = EventJson.read(record.value());
            return String.format("%s  #%d  %s v%d  %s  by %s  %s", event.occurredAt(), event.position(), event.streamId(), event.version(),
                    event.type() + (event.schemaVersion() > 1 ? "@v" + event.schemaVersion() : ""), event.actor(), event.data());
        } catch (RuntimeException e) {
            return String.format("!! offset %d of partition %d is not a readable event: %s", record.offset(), record.partition(), e.getMessage());
        }
    }

    /** The account's records of the topic, from the beginning to the end it had when the read began. */
    static List<ConsumerRecord<String, String>> read(KafkaClients kafka, String topic, UUID account) {
        try (KafkaConsumer<String, String> consumer = kafka.consumer(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false))) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("no topic " + topic + " at " + kafka.bootstrapServers());
            }
            List<TopicPartition> partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("did not reach the end of " + topic + " within " + READ_LIMIT.toMinutes() + " minutes");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (account.toString().equals(record.key())) {
                        found.add(record);
                    }
                }
            }
            return found;
        }
    }

    /** {@code bootstrap} and {@code kafkaConfig}: null when not given. */
    record Arguments(UUID account, List<String> topics, String bootstrap, Path kafkaConfig) {

        /** The Kafka configuration: the environment's, the file's over it, {@code --bootstrap} over both. */
        KafkaClients kafka(Map<String, String> environment) {
            Map<String, String> config = new HashMap<>(KafkaClients.fromEnvironment(environment));
            if (kafkaConfig != null) {
                Properties file = new Properties();
                try (Reader reader = Files.newBufferedReader(kafkaConfig)) {
                    file.load(reader);
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot read the Kafka configuration " + kafkaConfig + ": " + e.getMessage(), e);
                }
                file.stringPropertyNames().forEach(name -> config.put(name, file.getProperty(name)));
            }
            if (bootstrap != null) {
                config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            }
            config.putIfAbsent(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
            return new KafkaClients(config, 1, 1);
        }

        static Arguments parse(String[] args) {
            UUID account = null;
            List<String> topics = new ArrayList<>();
            String bootstrap = null;
            Path kafkaConfig = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--topic" -> topics.add(value(args, ++i, "--topic"));
                    case "--bootstrap" -> bootstrap = value(args, ++i, "--bootstrap");
                    case "--kafka-config" -> kafkaConfig = Path.of(value(args, ++i, "--kafka-config"));
                    default -> {
                        if (account != null) {
                            throw new IllegalArgumentException("one account at a time, not also '" + args[i] + "'");
                        }
                        try {
                            account = UUID.fromString(args[i]);
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("'" + args[i] + "' is not an account id (a uuid)");
                        }
                    }
                }
            }
            if (account == null) {
                throw new IllegalArgumentException("an account id is required");
            }
            return new Arguments(account, topics.isEmpty() ? List.of(Topics.ACCOUNT_EVENTS, Topics.SESSION_EVENTS) : topics, bootstrap, kafkaConfig);
        }

        private static String value(String[] args, int at, String option) {
            if (at >= args.length || args[at].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[at];
        }
    }
}
