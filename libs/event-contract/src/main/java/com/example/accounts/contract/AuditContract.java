package com.example.accounts.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The audit contract of the event log, {@value #DOCUMENT}: an AsyncAPI document naming every event type, the topic
 * it is published to and its schema. Tests hold it to the schemas, the envelope and each service's event types.
 */
public final class AuditContract {

    public static final String DOCUMENT = "/contract/asyncapi.yaml";

    private AuditContract() {
    }

    /** The document, parsed. */
    public static JsonNode document() {
        try (InputStream in = AuditContract.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("no " + DOCUMENT + " on the classpath");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + DOCUMENT, e);
        }
    }

    /** Per topic (a channel's address), the event types the document says are published there. */
    public static Map<String, Set<String>> typesByTopic() {
        Map<String, Set<String>> types = new TreeMap<>();
        for (Map.Entry<String, JsonNode> channel : document().path("channels").properties()) {
            Set<String> names = new TreeSet<>();
            channel.getValue().path("messages").fieldNames().forEachRemaining(names::add);
            types.put(channel.getValue().path("address").asText(), names);
        }
        return types;
    }
}
