package com.example.accounts.permission.api;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.Topics;
import com.example.accounts.eventstore.OutboxRelay;
import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Checks against the read model fed through the real Kafka. The events are published here as account-service's
 * relay would publish them, so each case controls exactly what arrives and how often.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "permission-service"))
class CheckApiTest {

    private static final AtomicLong POSITION = new AtomicLong(1_000_000);
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void topic() throws Exception {
        String bootstrap = TestPlatform.get().kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(OutboxRelay.eventTopic(Topics.ACCOUNT_EVENTS, 12))).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName()));
    }

    private record Account(UUID id, UUID adminMember, String adminLogin, EventEnvelope opened, EventEnvelope adminAdded) {
    }

    private static String loginOf(String user) {
        String token = Tokens.password(TestPlatform.get().keycloak().realmUrl(), user, Tokens.DEMO_PASSWORD);
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        try {
            return EventJson.MAPPER.readTree(payload).get("sub").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static EventEnvelope event(UUID account, long version, String type, ObjectNode data) {
        return new EventEnvelope(UUID.randomUUID(), type, 1, account, "account-" + account, version, POSITION.incrementAndGet(),
                Instant.now(), "system", "c", "c", data);
    }

    private static EventEnvelope userAdded(UUID account, long version, UUID member, String login, String email, String role) {
        ObjectNode data = EventJson.MAPPER.createObjectNode().put("memberId", member.toString()).put("loginId", login)
                .put("name", email).put("email", email).put("role", role).put("loginCreated", false).putNull("language");
        data.putObject("companyAccess").put("all", true).putArray("companies");
        data.putArray("supportFeatures");
        return event(account, version, "UserAdded", data);
    }

    private static Account account() {
        UUID id = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        ObjectNode opened = EventJson.MAPPER.createObjectNode().put("accountId", id.toString()).put("name", "Acme")
                .put("billingContactMemberId", admin.toString());
        opened.putObject("plan").putArray("modules");
        ((ObjectNode) opened.get("plan")).putArray("seats");
        String login = loginOf(Tokens.DEMO_ADMIN);
        return new Account(id, admin, login, event(id, 1, "AccountOpened", opened), userAdded(id, 2, admin, login, Tokens.DEMO_ADMIN, "ADMIN"));
    }

    private static void publish(EventEnvelope... events) throws Exception {
        for (EventEnvelope e : events) {
            producer.send(new ProducerRecord<>(Topics.ACCOUNT_EVENTS, e.accountId().toString(), EventJson.write(e))).get();
        }
    }

    private static String ada() {
        return Tokens.password(TestPlatform.get().keycloak().realmUrl(), Tokens.DEMO_ADMIN, Tokens.DEMO_PASSWORD);
    }

    @Test
    void PRM2_PRM4_theAdminMayManageMembersAStandardMemberMayNot() throws Exception {
        Account account = account();
        UUID benMember = UUID.randomUUID();
        EventEnvelope benAdded = userAdded(account.id(), 3, benMember, loginOf(Tokens.DEMO_STANDARD), Tokens.DEMO_STANDARD, "STANDARD");
        publish(account.opened(), account.adminAdded(), benAdded);
        String token = benAdded.token(Topics.ACCOUNT_EVENTS).toString();

        given().auth().oauth2(ada()).header("Consistency-Token", token)
                .queryParam("permission", "members.manage")
                .get("/accounts/" + account.id() + "/checks")
                .then().statusCode(200).body("allowed", equalTo(true)).body("reasons[0]", org.hamcrest.Matchers.containsString("role ADMIN"));
        given().auth().oauth2(ada()).queryParam("consistency", token)
                .queryParam("permission", "members.manage").queryParam("member", benMember.toString())
                .get("/accounts/" + account.id() + "/checks")
                .then().statusCode(200).body("allowed", equalTo(false)).body("missing", hasItem("role ADMIN"));
    }

    @Test
    void PRM1_anEventDeliveredTwiceTakesEffectOnce() throws Exception {
        Account account = account();
        publish(account.opened(), account.adminAdded(), account.opened(), account.adminAdded());
        EventEnvelope later = userAdded(account.id(), 3, UUID.randomUUID(), "login-x", "x@example.com", "STANDARD");
        publish(later, later);

        given().auth().oauth2(ada()).header("Consistency-Token", later.token(Topics.ACCOUNT_EVENTS).toString())
                .queryParam("permission", "members.manage").get("/accounts/" + account.id() + "/checks")
                .then().statusCode(200).body("allowed", equalTo(true));
    }

    @Test
    void PRM4_aTokenNotAppliedWithinTheBoundIsARetryable503NeverAStaleAnswer() throws Exception {
        Account account = account();
        publish(account.opened(), account.adminAdded());
        String never = account.id() + "." + (POSITION.get() + 1_000);

        given().auth().oauth2(ada()).header("Consistency-Token", "account-events." + never)
                .queryParam("permission", "members.manage").get("/accounts/" + account.id() + "/checks")
                .then().statusCode(503).contentType("application/problem+json").body("rule", equalTo("PRM-4"));
    }

    @Test
    void ACC6_aCallerOutsideTheAccountGets404() throws Exception {
        Account account = account();
        publish(account.opened(), account.adminAdded());
        String ben = Tokens.password(TestPlatform.get().keycloak().realmUrl(), Tokens.DEMO_STANDARD, Tokens.DEMO_PASSWORD);

        given().auth().oauth2(ben).header("Consistency-Token", account.adminAdded().token(Topics.ACCOUNT_EVENTS).toString())
                .queryParam("permission", "members.manage").get("/accounts/" + account.id() + "/checks")
                .then().statusCode(404).body("rule", equalTo("ACC-6"));
    }

    @Test
    void SEC2_anUnknownPermissionIsNamed() {
        given().auth().oauth2(ada()).queryParam("permission", "launch.rockets").get("/accounts/" + UUID.randomUUID() + "/checks")
                .then().statusCode(400).body("errors[0].field", equalTo("permission"));
    }
}
