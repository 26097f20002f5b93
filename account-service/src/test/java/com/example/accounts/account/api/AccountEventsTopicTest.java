package com.example.accounts.account.api;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.Topics;
import com.example.accounts.eventstore.PublishedEvents;
import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.example.accounts.account.api.ApiFixture.openAccount;
import static com.example.accounts.account.api.ApiFixture.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What account-service's relay publishes: a topic kept forever, an account's events readable from the beginning, and
 * every event of the suite as the contract says (EVT-2).
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "account-service"))
class AccountEventsTopicTest {

    @Test
    void EVT4_anAuditConsumerReadsAnAccountsEventsFromTheBeginningOfATopicKeptForever() throws Exception {
        String accountId = openAccount(token(Tokens.DEMO_ADMIN), 1);
        String bootstrap = TestPlatform.get().kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ACCOUNT_EVENTS);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!admin.listTopics().names().get().contains(Topics.ACCOUNT_EVENTS) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertEquals("-1", admin.describeConfigs(List.of(topic)).all().get().get(topic).get("retention.ms").value());
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ACCOUNT_EVENTS, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<String> types = new ArrayList<>();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (types.size() < 2 && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key().equals(accountId)) {
                        types.add(PublishedEvents.read(record.value()).type());
                    }
                });
            }
            assertEquals(List.of("AccountOpened", "UserAdded"), types);
            assertTrue(partitions.size() > 1, "partitioned by account");
        }
    }

    /**
     * Every event account-service published in this run, by every test before this one too (the test platform's
     * Kafka starts empty), validates under the standard validator at its type's current version.
     */
    @Test
    void EVT2_everyEventThisSuitePublishedIsOfItsCurrentVersionAndFitsItsSchema() throws Exception {
        String accountId = openAccount(token(Tokens.DEMO_ADMIN), 1);
        List<EventEnvelope> events = List.of();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (events.stream().filter(e -> e.accountId().toString().equals(accountId)).count() < 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            events = PublishedEvents.readTopic(Topics.ACCOUNT_EVENTS);
        }
        List<String> types = events.stream().filter(e -> e.accountId().toString().equals(accountId)).map(EventEnvelope::type).toList();
        assertEquals(List.of("AccountOpened", "UserAdded"), types, "the new account's first member, language null, fits UserAdded");
    }
}
