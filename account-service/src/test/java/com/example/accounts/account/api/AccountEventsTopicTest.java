package com.example.accounts.account.api;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.Topics;
import com.example.accounts.eventstore.PublishedEvents;
import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.example.accounts.account.api.ApiFixture.openAccount;
import static com.example.accounts.account.api.ApiFixture.token;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What account-service's relay publishes: a topic kept forever, an account's events readable from the beginning, and
 * every event of the suite as the contract says (EVT-2).
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "account-service"))
class AccountEventsTopicTest {

    @Inject
    InMemorySpanExporter spans;

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
        try (KafkaConsumer<String, String> consumer = fromTheBeginning(bootstrap)) {
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
            assertTrue(consumer.assignment().size() > 1, "partitioned by account");
        }
    }

    /**
     * One trace from the request to the record: the command's server span continues the caller's trace (as the gateway
     * sends it), and the record the relay published later, after the request ended, carries that span as its parent.
     */
    @Test
    void aCommandsServerSpanAndTheRecordItsRelayPublishedShareOneTrace() throws Exception {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 1);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = traceId.substring(0, 16);
        String memberId = given().auth().oauth2(ada).contentType(ContentType.JSON).header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body("{\"name\": \"Traced\", \"email\": \"traced-" + UUID.randomUUID() + "@example.com\", \"role\": \"STANDARD\"}")
                .post("/accounts/" + accountId + "/members").then().statusCode(201).extract().path("memberId");

        String published = null;
        try (KafkaConsumer<String, String> consumer = fromTheBeginning(TestPlatform.get().kafka().bootstrapServers())) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (published == null && Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(accountId) && memberId.equals(PublishedEvents.read(record.value()).data().path("memberId").asText())) {
                        Header header = record.headers().lastHeader("traceparent");
                        published = header == null ? "none" : new String(header.value(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        assertNotNull(published, "the member's UserAdded was published");
        assertTrue(published.startsWith("00-" + traceId + "-"), "the record continues the command's trace: " + published);
        String recordParent = published.split("-")[2];

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<SpanData> server = List.of();
        while (server.isEmpty() && Instant.now().isBefore(deadline)) {
            server = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(traceId) && span.getKind() == SpanKind.SERVER).toList();
            Thread.sleep(50);
        }
        assertEquals(1, server.size(), "one server span of the command: " + server);
        assertEquals(callerSpan, server.get(0).getParentSpanId(), "a child of the caller's span");
        assertEquals(server.get(0).getSpanId(), recordParent, "the record's parent is the command's server span");
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

    /** A reader of the account events topic from its first record, of committed transactions only. */
    private static KafkaConsumer<String, String> fromTheBeginning(String bootstrap) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ACCOUNT_EVENTS, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
