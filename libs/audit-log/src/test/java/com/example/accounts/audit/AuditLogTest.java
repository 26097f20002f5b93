package com.example.accounts.audit;

import com.example.accounts.contract.Topics;
import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.eventstore.AccountHistory;
import com.example.accounts.eventstore.KafkaClients;
import com.example.accounts.eventstore.PublishedEvents;
import com.example.accounts.launcher.KafkaServer;
import com.example.accounts.launcher.TestPlatform;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit consumer against the real Kafka: an account's whole history from the beginning, and nobody else's. */
class AuditLogTest {

    private static final class History extends AccountHistory {
        History() {
            super("ada", "ada@acme.example", Module.REMOTE_SUPPORT.name());
        }
    }

    @Test
    void EVT4_anOutsideConsumerReadsAnAccountsWholeHistoryFromTheBeginningAndOnlyIts() {
        History acme = new History();
        UUID ben = acme.member(Role.STANDARD.name(), "ben", "Ben");
        acme.seat(ben, Module.REMOTE_SUPPORT.name());
        acme.publish();
        History other = new History();
        other.publish();
        PublishedEvents.onTestPlatform().publishRaw(Topics.ACCOUNT_EVENTS, acme.account.toString(), "{not an event");

        String printed = print(acme.account, List.of(Topics.ACCOUNT_EVENTS));

        List<String> lines = printed.lines().toList();
        assertEquals("== account-events: 5 records of account " + acme.account, lines.get(0), printed);
        assertTrue(lines.get(1).contains("AccountOpened") && lines.get(1).contains("v1"), printed);
        assertTrue(lines.get(2).contains("UserAdded") && lines.get(2).contains("\"name\":\"Ada\""), printed);
        assertTrue(lines.get(3).contains("UserAdded") && lines.get(3).contains(ben.toString()), printed);
        assertTrue(lines.get(4).contains("SeatProvisioned") && lines.get(4).contains("by ada"), printed);
        assertTrue(lines.get(5).startsWith("!! offset") && lines.get(5).contains("not a readable event"), printed);
        assertFalse(printed.contains(other.account.toString()), "another account's events are not printed");
    }

    @Test
    void badArgumentsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> AuditLog.Arguments.parse(new String[0]), "an account id is required");
        IllegalArgumentException notUuid = assertThrows(IllegalArgumentException.class, () -> AuditLog.Arguments.parse(new String[]{"acme"}));
        assertTrue(notUuid.getMessage().contains("'acme' is not an account id"), notUuid.getMessage());
        IllegalArgumentException noTopic = assertThrows(IllegalArgumentException.class,
                () -> AuditLog.Arguments.parse(new String[]{UUID.randomUUID().toString(), "--topic"}));
        assertTrue(noTopic.getMessage().contains("--topic needs a value"), noTopic.getMessage());
        UUID account = UUID.randomUUID();
        assertEquals(List.of(Topics.ACCOUNT_EVENTS, Topics.SESSION_EVENTS), AuditLog.Arguments.parse(new String[]{account.toString()}).topics());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> print(account, List.of("no-such-topic-" + account)));
        assertTrue(unknown.getMessage().contains("no topic no-such-topic-"), unknown.getMessage());
    }

    @Test
    void overASaslListenerTheAuditReaderTakesTheEnvironmentsAndTheFilesKafkaConfigurationAndAWrongPasswordIsRefused() throws IOException {
        History acme = new History();
        acme.publish();
        KafkaServer broker = TestPlatform.get().kafka();
        Map<String, String> secured = broker.saslClientConfig(KafkaServer.SASL_USER, KafkaServer.SASL_PASSWORD);
        // the security settings from the environment, as a deployment gives them; the address from the file
        Map<String, String> environment = Map.of("KAFKA_SECURITY_PROTOCOL", secured.get("security.protocol"),
                "KAFKA_SASL_MECHANISM", secured.get("sasl.mechanism"), "KAFKA_SASL_JAAS_CONFIG", secured.get("sasl.jaas.config"));
        Path file = Files.createTempFile("kafka", ".properties");
        Files.writeString(file, "bootstrap.servers=" + secured.get("bootstrap.servers") + "\n");
        AuditLog.Arguments arguments = AuditLog.Arguments
                .parse(new String[]{acme.account.toString(), "--topic", Topics.ACCOUNT_EVENTS, "--kafka-config", file.toString()});

        String printed = print(arguments.kafka(environment), acme.account, arguments.topics());
        assertTrue(printed.startsWith("== account-events: 2 records of account " + acme.account), printed);

        Map<String, String> wrong = new HashMap<>(environment);
        wrong.put("KAFKA_SASL_JAAS_CONFIG", broker.saslClientConfig(KafkaServer.SASL_USER, "not-the-password").get("sasl.jaas.config"));
        assertThrows(SaslAuthenticationException.class, () -> print(arguments.kafka(wrong), acme.account, arguments.topics()));
        Files.delete(file);
    }

    private static String print(UUID account, List<String> topics) {
        return print(KafkaClients.plain(TestPlatform.get().kafka().bootstrapServers()), account, topics);
    }

    private static String print(KafkaClients kafka, UUID account, List<String> topics) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AuditLog.print(kafka, topics, account, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
