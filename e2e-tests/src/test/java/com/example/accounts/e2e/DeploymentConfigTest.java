package com.example.accounts.e2e;

import com.example.accounts.contract.Topics;
import com.example.accounts.launcher.GatewayServer;
import com.example.accounts.launcher.Platform.Service;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What runs the platform beyond one machine agrees with the services, checked here without Docker or a cluster:
 * docker-compose.yml and the Kubernetes manifests name only configuration the services read, give each what it
 * must be told, probe their health paths, keep the event topics forever with the partitions the relays use; every
 * manifest is a well-formed object of its kind; the gateway's routing table passes nginx -t.
 */
class DeploymentConfigTest {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private static final String NAMESPACE = "accounts";

    /** Read by Quarkus or the image, though no application.properties sets them. */
    private static final Set<String> READ_ANYWAY = Set.of("QUARKUS_HTTP_PORT", "QUARKUS_HTTP_HOST", "JAVA_OPTS", "QUARKUS_DATASOURCE_PASSWORD",
            "QUARKUS_OIDC_TOKEN_ISSUER", "QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD");

    /** What each service must be told where it runs: its servers and peers, never the local defaults. */
    private static final Map<Service, Set<String>> MUST_BE_TOLD = Map.of(
            Service.ACCOUNT, Set.of(),
            Service.PERMISSION, Set.of(),
            Service.SESSION, Set.of("PLATFORM_PERMISSION_SERVICE_URL", "PLATFORM_PUBLIC_URL"),
            Service.NOTIFICATION, Set.of("QUARKUS_MAILER_HOST", "QUARKUS_MAILER_PORT"));
    private static final Set<String> EVERY_SERVICE_MUST_BE_TOLD = Set.of("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "PLATFORM_KEYCLOAK_URL");

    /** The API version each kind of the manifests has. */
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("Namespace", "v1"), Map.entry("ConfigMap", "v1"), Map.entry("Service", "v1"),
            Map.entry("Deployment", "apps/v1"), Map.entry("HorizontalPodAutoscaler", "autoscaling/v2"),
            Map.entry("PodDisruptionBudget", "policy/v1"),
            Map.entry("Kafka", "kafka.strimzi.io/v1beta2"), Map.entry("KafkaNodePool", "kafka.strimzi.io/v1beta2"),
            Map.entry("KafkaTopic", "kafka.strimzi.io/v1beta2"),
            Map.entry("Cluster", "postgresql.cnpg.io/v1"), Map.entry("Database", "postgresql.cnpg.io/v1"),
            Map.entry("Keycloak", "k8s.keycloak.org/v2alpha1"), Map.entry("KeycloakRealmImport", "k8s.keycloak.org/v2alpha1"),
            Map.entry("Kustomization", "kustomize.config.k8s.io/v1beta1"));

    @Test
    void composeGivesEachServiceWhatItReadsAndProbesItsHealth() throws IOException {
        Map<String, Object> services = map(yaml(ROOT.resolve("docker-compose.yml")), "services");
        for (Service service : Service.values()) {
            Map<String, Object> compose = map(services, service.module);
            Map<String, String> env = strings(map(compose, "environment"));
            assertReadByTheService(service, env.keySet(), "docker-compose.yml " + service.module);
            assertTrue(env.get("QUARKUS_DATASOURCE_REACTIVE_URL").endsWith("/" + service.database), service.module + " uses database " + service.database);
            assertTrue(String.valueOf(map(compose, "healthcheck").get("test")).contains("/q/health/ready"), service.module + "'s health check");
            assertTrue(String.valueOf(compose.get("ports")).contains(service.localPort + ":8080"), service.module + " on its local port");
        }
        Map<String, Object> gateway = map(services, "gateway");
        Map<String, String> env = strings(map(gateway, "environment"));
        assertTrue(env.keySet().containsAll(templateVariables()), "the gateway is given every variable of its template: " + env.keySet());
        for (Service service : Service.values()) {
            assertEquals(service.module + ":8080", env.get(service.gatewayVariable()), "the gateway reaches " + service.module);
        }
        assertTrue(String.valueOf(gateway.get("volumes")).contains(GatewayServer.TEMPLATE), "the gateway runs the one routing table");
    }

    @Test
    void everyManifestIsAnObjectOfItsKindInTheNamespace() throws IOException {
        List<Map<String, Object>> objects = manifests();
        assertFalse(objects.isEmpty());
        for (Map<String, Object> object : objects) {
            String kind = (String) object.get("kind");
            String name = (String) map(object, "metadata").get("name");
            assertNotNull(KINDS.get(kind), "an unknown kind " + kind + " (" + name + ")");
            assertEquals(KINDS.get(kind), object.get("apiVersion"), kind + " " + name + "'s apiVersion");
            assertTrue(name != null && name.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?"), kind + " has a DNS name: " + name);
            if (!kind.equals("Namespace")) {
                assertEquals(NAMESPACE, map(object, "metadata").get("namespace"), kind + " " + name + "'s namespace");
            }
        }
        Map<String, Map<String, Object>> deployments = byName(objects, "Deployment");
        for (Map<String, Object> deployment : deployments.values()) {
            Map<String, Object> spec = map(deployment, "spec");
            Map<String, Object> template = map(spec, "template");
            Map<String, String> labels = strings(map(map(template, "metadata"), "labels"));
            assertTrue(labels.entrySet().containsAll(strings(map(map(spec, "selector"), "matchLabels")).entrySet()), "the selector picks its pods");
            for (Map<String, Object> container : list(map(template, "spec"), "containers")) {
                assertNotNull(container.get("image"), "a container with an image");
            }
        }
        for (Map<String, Object> scaler : byName(objects, "HorizontalPodAutoscaler").values()) {
            assertTrue(deployments.containsKey(map(map(scaler, "spec"), "scaleTargetRef").get("name")), "the autoscaler scales a Deployment");
        }
        for (Map<String, Object> budget : byName(objects, "PodDisruptionBudget").values()) {
            Map<String, String> selector = strings(map(map(map(budget, "spec"), "selector"), "matchLabels"));
            assertTrue(deployments.values().stream().anyMatch(d -> strings(map(map(map(map(d, "spec"), "template"), "metadata"), "labels")).entrySet()
                    .containsAll(selector.entrySet())), "the disruption budget covers a Deployment's pods: " + selector);
        }
    }

    @Test
    void theKubernetesServicesAreGivenWhatTheyReadOnTheirPortsWithTheirHealthProbes() throws IOException {
        List<Map<String, Object>> objects = manifests();
        Map<String, Map<String, Object>> deployments = byName(objects, "Deployment");
        Map<String, Map<String, Object>> services = byName(objects, "Service");
        Map<String, String> platformConfig = strings(map(byName(objects, "ConfigMap").get("platform-config"), "data"));
        for (Service service : Service.values()) {
            Map<String, Object> deployment = deployments.get(service.module);
            assertNotNull(deployment, "a Deployment " + service.module);
            Map<String, Object> container = list(map(map(map(deployment, "spec"), "template"), "spec"), "containers").get(0);
            Map<String, Object> env = new HashMap<>();
            for (Map<String, Object> variable : list(container, "env")) {
                env.put((String) variable.get("name"), variable);
                Object from = variable.get("valueFrom");
                if (from instanceof Map<?, ?> source && source.get("configMapKeyRef") instanceof Map<?, ?> ref && "platform-config".equals(ref.get("name"))) {
                    assertTrue(platformConfig.containsKey(String.valueOf(ref.get("key"))), service.module + " reads platform-config's " + ref.get("key"));
                }
            }
            assertReadByTheService(service, env.keySet(), "Kubernetes " + service.module);
            assertEquals(String.valueOf(service.localPort), value(env.get("QUARKUS_HTTP_PORT")), service.module + " listens on its port");
            assertEquals(service.localPort, list(container, "ports").get(0).get("containerPort"), service.module + "'s container port");
            assertEquals("/q/health/ready", map(map(container, "readinessProbe"), "httpGet").get("path"), service.module + "'s readiness");
            assertEquals("/q/health/live", map(map(container, "livenessProbe"), "httpGet").get("path"), service.module + "'s liveness");
            assertTrue(value(env.get("QUARKUS_DATASOURCE_REACTIVE_URL")).endsWith("/" + service.database), service.module + " uses database " + service.database);
            Map<String, Object> exposed = services.get(service.module);
            assertNotNull(exposed, "a Service " + service.module);
            assertEquals(service.localPort, list(map(exposed, "spec"), "ports").get(0).get("port"), "Service " + service.module + "'s port");
        }
        Map<String, Object> gateway = list(map(map(map(deployments.get("gateway"), "spec"), "template"), "spec"), "containers").get(0);
        Map<String, Object> gatewayEnv = list(gateway, "env").stream().collect(Collectors.toMap(v -> (String) v.get("name"), v -> v));
        assertTrue(gatewayEnv.keySet().containsAll(templateVariables()), "the gateway is given every variable of its template: " + gatewayEnv.keySet());
        for (Service service : Service.values()) {
            assertEquals(service.module + ":" + service.localPort, value(gatewayEnv.get(service.gatewayVariable())), "the gateway reaches " + service.module);
        }
    }

    @Test
    void EVT4_theEventTopicsAreKeptForeverWithThePartitionsTheRelaysUse() throws IOException {
        Map<String, Map<String, Object>> topics = byName(manifests(), "KafkaTopic");
        Set<String> needed = new TreeSet<>(Topics.ALL);
        needed.addAll(Set.of(Topics.INVITE_EMAILS, "permission-service.dead-letters", "notification-service.dead-letters"));
        assertTrue(topics.keySet().containsAll(needed), "KafkaTopics for " + needed + ", there are " + topics.keySet());
        for (Service publisher : List.of(Service.ACCOUNT, Service.SESSION)) {
            Properties properties = properties(publisher);
            Map<String, Object> spec = map(topics.get(properties.getProperty("platform.event-store.topic")), "spec");
            assertEquals(Integer.parseInt(properties.getProperty("platform.event-store.partitions")), spec.get("partitions"),
                    publisher.module + "'s relay and its topic agree on the partitions");
            assertEquals("-1", String.valueOf(map(spec, "config").get("retention.ms")), publisher.module + "'s events are kept forever");
        }
        for (String letters : List.of("permission-service.dead-letters", "notification-service.dead-letters")) {
            assertEquals("-1", String.valueOf(map(map(topics.get(letters), "spec"), "config").get("retention.ms")), letters + " are kept forever");
        }
    }

    @Test
    void theGatewaysRoutingTablePassesNginxTest() throws IOException {
        Path dir = Files.createTempDirectory("gateway-check");
        String problems = GatewayServer.testTemplate(ROOT.resolve(GatewayServer.TEMPLATE), dir);
        assertNull(problems, "nginx -t: " + problems);
    }

    // --- what the services read -------------------------------------------------------------------------------

    /** The environment names the service reads: its application.properties keys, as Quarkus maps them. */
    private static Set<String> readBy(Service service) throws IOException {
        return properties(service).stringPropertyNames().stream().filter(key -> !key.startsWith("%")).map(DeploymentConfigTest::envName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertReadByTheService(Service service, Set<String> given, String where) throws IOException {
        Set<String> read = readBy(service);
        Set<String> unknown = given.stream().filter(name -> !read.contains(name) && !READ_ANYWAY.contains(name)).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(unknown.isEmpty(), where + " sets what the service does not read: " + unknown);
        Set<String> missing = Stream.concat(EVERY_SERVICE_MUST_BE_TOLD.stream(), MUST_BE_TOLD.get(service).stream())
                .filter(name -> !given.contains(name)).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(missing.isEmpty(), where + " leaves to the local defaults: " + missing);
    }

    private static Properties properties(Service service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(service.module).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    /** Quarkus's mapping of a property to an environment variable: upper case, every other character '_'. */
    private static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static Set<String> templateVariables() throws IOException {
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(Files.readString(ROOT.resolve(GatewayServer.TEMPLATE)));
        Set<String> names = new TreeSet<>();
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        return names;
    }

    // --- reading YAML ---------------------------------------------------------------------------------------------

    private static Object yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }

    /** Every object of the manifests under deploy/k8s (the kustomizations too), each file's documents in order. */
    private static List<Map<String, Object>> manifests() throws IOException {
        List<Map<String, Object>> objects = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("deploy/k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    for (Object document : new Yaml().loadAll(reader)) {
                        if (document == null) {
                            continue;
                        }
                        Map<String, Object> object = asMap(document, file.toString());
                        if ("Kustomization".equals(object.get("kind"))) {
                            assertKustomizationFilesExist(file, object);
                        } else {
                            objects.add(object);
                        }
                    }
                }
            }
        }
        return objects;
    }

    /** A kustomization names only resources and generator files that are there. */
    @SuppressWarnings("unchecked")
    private static void assertKustomizationFilesExist(Path file, Map<String, Object> kustomization) {
        List<String> named = new ArrayList<>((List<String>) kustomization.getOrDefault("resources", List.of()));
        for (String generator : List.of("configMapGenerator", "secretGenerator")) {
            for (Map<String, Object> generated : (List<Map<String, Object>>) kustomization.getOrDefault(generator, List.of())) {
                named.addAll((List<String>) generated.getOrDefault("files", List.of()));
            }
        }
        for (String path : named) {
            assertTrue(Files.exists(file.getParent().resolve(path)), file + " names " + path + ", which is not there");
        }
    }

    private static Map<String, Map<String, Object>> byName(List<Map<String, Object>> objects, String kind) {
        Map<String, Map<String, Object>> named = new HashMap<>();
        for (Map<String, Object> object : objects) {
            if (kind.equals(object.get("kind"))) {
                assertNull(named.put((String) map(object, "metadata").get("name"), object), "two " + kind + "s named alike");
            }
        }
        return named;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object node, String what) {
        assertTrue(node instanceof Map, what + " is an object");
        return (Map<String, Object>) node;
    }

    private static Map<String, Object> map(Object parent, String key) {
        Object value = asMap(parent, key + "'s parent").get(key);
        assertNotNull(value, "no " + key + " in " + parent);
        return asMap(value, key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof List, key + " is a list in " + parent);
        return (List<Map<String, Object>>) value;
    }

    private static Map<String, String> strings(Map<String, Object> map) {
        Map<String, String> strings = new HashMap<>();
        map.forEach((key, value) -> strings.put(key, String.valueOf(value)));
        return strings;
    }

    /** An env entry's literal value (empty for one taken from a ConfigMap or Secret). */
    private static String value(Object entry) {
        Object value = entry == null ? null : asMap(entry, "env entry").get("value");
        return value == null ? "" : String.valueOf(value);
    }
}
