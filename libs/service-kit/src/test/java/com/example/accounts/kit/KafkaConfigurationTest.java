package com.example.accounts.kit;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class KafkaConfigurationTest {

    @Test
    void everyKafkaPropertyAndKafkaVariableReachesTheSharedClientConfiguration() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of("kafka.bootstrap.servers", "127.0.0.1:9092", "kafka.security.protocol", "PLAINTEXT",
                        "kafka.ssl.truststore.type", "PEM", "platform.other", "x"), "application.properties", 250))
                .withSources(new EnvConfigSource(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9093", "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                        "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512", "KAFKA_SASL_JAAS_CONFIG", "ScramLoginModule required;", "PATH", "/bin"), 300))
                .build();

        Map<String, String> kafka = KafkaConfiguration.properties(config);

        assertEquals("kafka:9093", kafka.get("bootstrap.servers"), "the environment wins, as for every property");
        assertEquals("SASL_SSL", kafka.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", kafka.get("sasl.mechanism"));
        assertEquals("ScramLoginModule required;", kafka.get("sasl.jaas.config"));
        assertEquals("PEM", kafka.get("ssl.truststore.type"));
        assertFalse(kafka.containsKey("other") || kafka.containsKey("path"), "only Kafka's: " + kafka.keySet());
        assertEquals(5, kafka.size(), kafka.keySet().toString());
    }
}
