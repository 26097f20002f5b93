package com.example.accounts.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit contract ({@code contract/asyncapi.yaml}) is what outside consumers read instead of our code: these tests
 * fail, naming what drifted, as soon as it no longer says what the catalog, the schemas and {@link EventEnvelope} do.
 * Which topic each type goes to, each publishing service's {@code AuditContractTest} holds against its event classes.
 */
class AsyncApiContractTest {

    private static JsonNode document;

    @BeforeAll
    static void readTheDocument() {
        document = AuditContract.document();
    }

    @Test
    void EVT4_theAsyncApiDocumentListsEveryEventTypeWithItsCurrentSchema() {
        JsonNode messages = document.at("/components/messages");
        assertSameNames(EventSchemas.INSTANCE.types(), names(messages), "components.messages against catalog.json");
        for (String type : EventSchemas.INSTANCE.types()) {
            JsonNode message = messages.path(type);
            int current = EventSchemas.INSTANCE.currentVersion(type);
            String file = type + ".v" + current + ".json";
            assertEquals(type, message.path("name").asText(), "message " + type + ": its name must be its type");
            assertEquals("./events/" + file, payloadProperty(message, "data").path("$ref").asText(),
                    "message " + type + ": data must refer to the schema of its current version, v" + current);
            assertNotNull(getClass().getResource("/contract/events/" + file), "message " + type + ": there is no " + file);
            assertEquals(EventSchemas.INSTANCE.schema(type, current).path("description").asText(), message.path("summary").asText(),
                    "message " + type + ": its summary must be the description in " + file);
            assertEquals("application/json", message.path("contentType").asText(), "message " + type + ": contentType");
            assertEquals("string", message.at("/bindings/kafka/key/type").asText(),
                    "message " + type + ": the record key (the account id) must be described as a string");
        }
    }

    @Test
    void EVT2_eachMessageIsAnEnvelopeOfItsTypeAtItsCurrentSchemaVersion() {
        JsonNode messages = document.at("/components/messages");
        for (String type : EventSchemas.INSTANCE.types()) {
            JsonNode message = messages.path(type);
            assertEquals("#/components/schemas/EventEnvelope", message.at("/payload/allOf/0/$ref").asText(),
                    "message " + type + ": its payload must start from the envelope");
            assertEquals(type, payloadProperty(message, "type").path("const").asText(), "message " + type + ": type const");
            assertEquals(EventSchemas.INSTANCE.currentVersion(type), payloadProperty(message, "schemaVersion").path("const").asInt(-1),
                    "message " + type + ": schemaVersion const must be the catalog's current version");
        }
    }

    @Test
    void EVT4_eachEventTypeIsInOneChannelOfTheEventTopics() {
        Map<String, Set<String>> channelTypes = new TreeMap<>();
        Set<String> channelIds = new TreeSet<>();
        for (Map.Entry<String, JsonNode> channel : document.path("channels").properties()) {
            String address = channel.getValue().path("address").asText();
            assertNull(channelTypes.put(address, names(channel.getValue().path("messages"))), "two channels have the address " + address);
            channelIds.add(channel.getKey());
            for (Map.Entry<String, JsonNode> message : channel.getValue().path("messages").properties()) {
                assertEquals("#/components/messages/" + message.getKey(), message.getValue().path("$ref").asText(),
                        "channel " + channel.getKey() + ": message " + message.getKey() + " must be the component of that name");
            }
        }
        assertEquals(new TreeSet<>(Topics.ALL), channelTypes.keySet(), "the channels' addresses must be Topics.ALL");

        Set<String> audited = new TreeSet<>();
        for (JsonNode operation : document.path("operations")) {
            if (operation.path("action").asText().equals("receive")) {
                audited.add(operation.at("/channel/$ref").asText().replace("#/channels/", ""));
            }
        }
        assertEquals(channelIds, audited, "every channel must have a receive operation for audit consumers");

        // which service publishes which type is held by each service's own test against its sealed event types
        assertEquals(EventSchemas.INSTANCE.types(), channelTypes.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new)),
                "every event type sits in one channel");
    }

    @Test
    void EVT2_theEnvelopeSchemaHasExactlyTheFieldsOfEventEnvelope() {
        JsonNode envelope = document.at("/components/schemas/EventEnvelope");
        RecordComponent[] components = EventEnvelope.class.getRecordComponents();
        Set<String> fields = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
        assertSameNames(fields, names(envelope.path("properties")), "EventEnvelope schema's properties against the record's components");
        Set<String> required = new TreeSet<>();
        envelope.path("required").forEach(field -> required.add(field.asText()));
        assertSameNames(fields, required, "EventEnvelope schema's required against the record's components");
        for (RecordComponent component : components) {
            JsonNode property = envelope.path("properties").path(component.getName());
            assertEquals(serializedAs(component.getType()), property.path("type").asText() + "/" + property.path("format").asText(),
                    "EventEnvelope." + component.getName() + ": its schema must say how EventJson writes a " + component.getType().getSimpleName());
        }
    }

    private static JsonNode payloadProperty(JsonNode message, String name) {
        return message.at("/payload/allOf/1/properties/" + name);
    }

    private static Set<String> names(JsonNode object) {
        return object.properties().stream().map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertSameNames(Set<String> expected, Set<String> actual, String what) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> unexpected = new TreeSet<>(actual);
        unexpected.removeAll(expected);
        assertTrue(missing.isEmpty() && unexpected.isEmpty(), what + ": missing " + missing + ", not expected " + unexpected);
    }

    /** JSON type and format of a component as {@link EventJson#MAPPER} writes it (dates as ISO-8601 strings). */
    private static String serializedAs(Class<?> type) {
        if (type == UUID.class) {
            return "string/uuid";
        }
        if (type == Instant.class) {
            return "string/date-time";
        }
        if (type == String.class) {
            return "string/";
        }
        if (type == int.class || type == long.class) {
            return "integer/";
        }
        if (type == JsonNode.class) {
            return "object/";
        }
        return "a type this test cannot map yet: " + type.getName();
    }
}
