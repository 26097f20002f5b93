package com.example.accounts.kit;

import com.example.accounts.eventstore.KafkaClients;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaReadinessTest {

    @Test
    void brokersThatDoNotAnswerTurnReadinessDownWithTheError() {
        // port 1 on loopback: no broker there; the admin client's metadata request times out
        KafkaReadiness readiness = new KafkaReadiness(KafkaClients.plain("127.0.0.1:1"));
        try {
            HealthCheckResponse response = readiness.call().await().atMost(Duration.ofSeconds(10));
            assertEquals("kafka", response.getName());
            assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
            assertTrue(response.getData().orElseThrow().containsKey("error"), response.getData().toString());
        } finally {
            readiness.close(null);
        }
    }
}
