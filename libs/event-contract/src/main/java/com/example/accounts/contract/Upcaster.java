package com.example.accounts.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the data of one schema version of an event type into the next version's. Old events stay as they were
 * written in the store and on the topics; readers see them in the current version.
 */
public interface Upcaster {
    String type();

    int fromVersion();

    ObjectNode upcast(ObjectNode data);
}
