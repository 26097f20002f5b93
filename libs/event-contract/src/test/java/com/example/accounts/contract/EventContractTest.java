package com.example.accounts.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventContractTest {

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) EventJson.MAPPER.readTree(text);
    }

    @Test
    void EVT2_envelopeRoundTripsWithEveryField() throws Exception {
        UUID account = UUID.randomUUID();
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "AccountOpened", 1, account, "account-" + account, 1, 42,
                Instant.parse("2026-11-25T10:00:00Z"), "login-1", "corr-1", "cause-1",
                json("{\"accountId\":\"" + account + "\",\"name\":\"Acme\",\"plan\":{\"modules\":[],\"seats\":[]},\"billingContactMemberId\":\"" + UUID.randomUUID() + "\"}"));

        EventEnvelope read = EventJson.read(EventJson.write(envelope));

        assertEquals(envelope, read);
        assertEquals("account-events." + account + ".42", read.token(Topics.ACCOUNT_EVENTS).toString());
    }

    @Test
    void EVT2_anOldVersionIsUpcastWhenRead() throws Exception {
        EventSchemas schemas = EventSchemas.load("/test-contract/events/");
        Upcaster splitName = new Upcaster() {
            public String type() {
                return "Renamed";
            }

            public int fromVersion() {
                return 1;
            }

            public ObjectNode upcast(ObjectNode data) {
                String[] parts = data.remove("name").asText().split(" ", 2);
                return data.put("firstName", parts[0]).put("lastName", parts[1]);
            }
        };
        EventEnvelope v1 = new EventEnvelope(UUID.randomUUID(), "Renamed", 1, UUID.randomUUID(), "s", 3, 9, Instant.now(),
                "system", "c", "c", json("{\"name\":\"Ada Lovelace\"}"));
        assertTrue(schemas.validate("Renamed", 1, v1.data()).isEmpty());

        EventEnvelope current = new Upcasters(schemas, List.of(splitName)).upcast(v1);

        assertEquals(2, current.schemaVersion());
        assertEquals("Ada", current.data().get("firstName").asText());
        assertEquals("Lovelace", current.data().get("lastName").asText());
        assertTrue(schemas.validate("Renamed", 2, current.data()).isEmpty());
        assertEquals("Ada Lovelace", v1.data().get("name").asText(), "the stored event is never rewritten");
    }

    @Test
    void EVT2_aVersionWithoutUpcasterOrNewerThanKnownIsRefused() throws Exception {
        EventSchemas schemas = EventSchemas.load("/test-contract/events/");
        EventEnvelope v1 = new EventEnvelope(UUID.randomUUID(), "Renamed", 1, UUID.randomUUID(), "s", 1, 1, Instant.now(),
                "system", "c", "c", json("{\"name\":\"x y\"}"));
        assertThrows(MalformedEventException.class, () -> new Upcasters(schemas, List.of()).upcast(v1));
        assertThrows(MalformedEventException.class, () -> new Upcasters(schemas, List.of()).upcast(v1.withData(3, v1.data())));
    }

    @Test
    void EVT2_schemasNameWhatIsWrong() throws Exception {
        List<String> problems = EventSchemas.INSTANCE.validate("UserAdded", 1, json(
                "{\"memberId\":\"nope\",\"name\":\"\",\"email\":\"no-at\",\"role\":\"KING\",\"extra\":1}"));
        assertTrue(problems.contains("data.memberId must be a UUID"), problems.toString());
        assertTrue(problems.contains("data.name is shorter than 1"), problems.toString());
        assertTrue(problems.contains("data.email must be an email address"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("data.role must be one of")), problems.toString());
        assertTrue(problems.contains("data.extra is not in the schema"), problems.toString());
        assertTrue(problems.contains("data.loginId is required"), problems.toString());
        assertThrows(MalformedEventException.class, () -> EventSchemas.INSTANCE.validate("NoSuchEvent", 1, json("{}")));
    }

    @Test
    void PRM4_consistencyTokensParseAndRefuseGarbage() {
        UUID account = UUID.randomUUID();
        assertEquals(new ConsistencyToken(Topics.SESSION_EVENTS, account, 7), ConsistencyToken.parse("session-events." + account + ".7"));
        assertThrows(IllegalArgumentException.class, () -> ConsistencyToken.parse("nope"));
        assertThrows(IllegalArgumentException.class, () -> ConsistencyToken.parse("other-topic." + account + ".7"));
        assertThrows(IllegalArgumentException.class, () -> ConsistencyToken.parse("account-events." + account + ".0"));
    }
}
