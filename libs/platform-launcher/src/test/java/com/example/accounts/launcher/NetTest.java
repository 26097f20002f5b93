package com.example.accounts.launcher;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Free ports for the servers a test starts: Kafka's three listeners once got the same port and Kafka refused to start. */
class NetTest {

    @Test
    void freePortsHandedOutOneAfterAnotherAreNeverTheSame() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            int port = Net.freePort();
            assertTrue(seen.add(port), "port " + port + " was handed out twice, after " + i + " others");
        }
    }
}
