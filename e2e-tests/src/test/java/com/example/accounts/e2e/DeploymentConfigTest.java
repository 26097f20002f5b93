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
import java.util.TreeMap;
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

    /**
     * Read by Quarkus or the image, though no application.properties sets them; the secrets that have no committed
     * default at all (session-service's codes secret, the invite URL key). Every KAFKA_* variable is read too: each
     * kafka.* property reaches every Kafka client of a service (KafkaConfiguration).
     */
    private static final Set<String> READ_ANYWAY = Set.of("QUARKUS_HTTP_PORT", "QUARKUS_HTTP_HOST", "JAVA_OPTS", "QUARKUS_DATASOURCE_PASSWORD",
            "QUARKUS_OIDC_TOKEN_ISSUER", "QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD", "PLATFORM_CODES_SECRET", "PLATFORM_INVITES_URL_KEY");

    /** What each service must be told where it runs: its servers and peers, never the local defaults. */
    private static final Map<Service, Set<String>> MUST_BE_TOLD = Map.of(
            Service.ACCOUNT, Set.of(),
            Service.PERMISSION, Set.of(),
            Service.SESSION, Set.of("PLATFORM_PERMISSION_SERVICE_URL", "PLATFORM_PUBLIC_URL"),
            Service.NOTIFICATION, Set.of("QUARKUS_MAILER_HOST", "QUARKUS_MAILER_PORT"));
    private static final Set<String> EVERY_SERVICE_MUST_BE_TOLD = Set.of("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "PLATFORM_KEYCLOAK_URL");

    /** The API version each kind of the manifests has. */
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("Namespace", "v1"), Map.entry("ConfigMap", "v1"), Map.entry("Service", "v1"),
            Map.entry("Deployment", "apps/v1"), Map.entry("HorizontalPodAutoscaler", "autoscaling/v2"),
            Map.entry("PodDisruptionBudget", "policy/v1"),
            Map.entry("Kafka", "kafka.strimzi.io/v1"), Map.entry("KafkaNodePool", "kafka.strimzi.io/v1"),
            Map.entry("KafkaTopic", "kafka.strimzi.io/v1"), Map.entry("KafkaUser", "kafka.strimzi.io/v1"),
            Map.entry("NetworkPolicy", "networking.k8s.io/v1"),
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
            assertSameDatabase(env.get("QUARKUS_DATASOURCE_REACTIVE_URL"), env.get("QUARKUS_DATASOURCE_JDBC_URL"), "docker-compose.yml " + service.module);
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
            assertTrue(value(env.get("QUARKUS_DATASOURCE_REACTIVE_URL")).endsWith("/" + service.database),
                    service.module + " uses database " + service.database);
            assertSameDatabase(value(env.get("QUARKUS_DATASOURCE_REACTIVE_URL")), value(env.get("QUARKUS_DATASOURCE_JDBC_URL")),
                    "Kubernetes " + service.module);
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

    // --- images: built by Jib (root pom.xml, ./platform images), run by name ----------------------------------------

    @Test
    void composeAndKubernetesRunTheImagesTheBuildNamesAsItBuildsThem() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        String group = pomProperty(pom, "quarkus.container-image.group");
        String tag = pomProperty(pom, "quarkus.container-image.tag");
        String user = pomProperty(pom, "quarkus.jib.user");
        assertEquals("8080", pomProperty(pom, "quarkus.jib.ports"), "the image's port, which compose publishes");
        assertTrue(pom.contains("<quarkus.jib.environment-variables.QUARKUS_HTTP_PORT>8080<"), "the image listens on its port");
        assertFalse(user.equals("0") || user.equals("root"), "the image runs as a user, not root: " + user);
        String buildScript = Files.readString(ROOT.resolve("deploy/images/build"));
        Map<String, Object> compose = map(yaml(ROOT.resolve("docker-compose.yml")), "services");
        Map<String, Map<String, Object>> deployments = byName(manifests(), "Deployment");
        Map<String, Object> localOverlay = asMap(yaml(ROOT.resolve("deploy/k8s/overlays/local/kustomization.yaml")), "the local overlay");
        Set<String> overlayImages = new TreeSet<>();
        for (Map<String, Object> image : list(localOverlay, "images")) {
            overlayImages.add(image.get("name") + ":" + image.get("newTag"));
        }
        for (Service service : Service.values()) {
            String image = group + "/" + service.module;
            assertTrue(Files.readString(ROOT.resolve(service.module).resolve("pom.xml")).contains("<artifactId>quarkus-container-image-jib</artifactId>"),
                    service.module + " builds its image with Jib");
            assertTrue(buildScript.contains(service.module), "./platform images builds " + service.module);
            Map<String, Object> composed = map(compose, service.module);
            assertNull(composed.get("build"), "compose runs " + service.module + "'s image, it builds none");
            assertEquals("${PLATFORM_REGISTRY:-docker.io}/" + image + ":${PLATFORM_IMAGE_TAG:-" + tag + "}", composed.get("image"),
                    "compose runs the image the build names");
            Map<String, Object> pod = map(map(deployments.get(service.module), "spec"), "template");
            assertEquals(image + ":" + tag, list(map(pod, "spec"), "containers").get(0).get("image"), "Kubernetes runs " + service.module + "'s image");
            assertEquals(user, String.valueOf(map(map(pod, "spec"), "securityContext").get("runAsUser")),
                    service.module + "'s pod runs as the image's user");
            assertTrue(overlayImages.contains(image + ":" + tag), "the local overlay names " + image + ":" + tag + ": " + overlayImages);
        }
        assertEquals(Service.values().length, overlayImages.size(), "the local overlay names the services' images only: " + overlayImages);
    }

    private static String pomProperty(String pom, String name) {
        Matcher property = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</").matcher(pom);
        assertTrue(property.find(), "the root pom.xml sets " + name);
        return property.group(1);
    }

    // --- security: secrets, bindings, Kafka users, network policies ----------------------------------------------

    /** What each service writes with clients of its own besides its event store's topic (InviteEmails, the dead letters). */
    private static final Map<Service, Set<String>> ALSO_WRITES = Map.of(
            Service.ACCOUNT, Set.of(),
            Service.PERMISSION, Set.of("permission-service.dead-letters"),
            Service.SESSION, Set.of(Topics.INVITE_EMAILS),
            Service.NOTIFICATION, Set.of("notification-service.dead-letters"));
    /** What each reads with clients of its own, without a consumer group (the permission-service's projector). */
    private static final Map<Service, Set<String>> ALSO_READS = Map.of(
            Service.ACCOUNT, Set.of(), Service.PERMISSION, Set.copyOf(Topics.ALL), Service.SESSION, Set.of(), Service.NOTIFICATION, Set.of());
    /** A topic a service reads and creates when it is missing, though another writes it. */
    private static final Map<Service, Set<String>> ALSO_CREATES = Map.of(
            Service.ACCOUNT, Set.of(), Service.PERMISSION, Set.of(), Service.SESSION, Set.of(), Service.NOTIFICATION, Set.of(Topics.INVITE_EMAILS));

    @Test
    void SEC_composeCommitsNoSecretPublishesOnLoopbackAndConnectsNoServiceAsTheSuperuser() throws IOException {
        Map<String, Object> services = map(yaml(ROOT.resolve("docker-compose.yml")), "services");
        Pattern required = Pattern.compile("\\$\\{([A-Z_]+):\\?[^}]*}");
        for (Map.Entry<String, Object> entry : services.entrySet()) {
            Map<String, Object> compose = asMap(entry.getValue(), entry.getKey());
            for (Object port : (List<?>) compose.getOrDefault("ports", List.of())) {
                assertTrue(String.valueOf(port).startsWith("${BIND_ADDRESS:-127.0.0.1}:"), entry.getKey() + " publishes " + port + " on loopback only");
            }
            Map<String, String> env = compose.get("environment") instanceof Map<?, ?> ? strings(map(compose, "environment")) : Map.of();
            env.forEach((name, value) -> {
                // (the links a new login chooses its password at are addresses, not secrets)
                if (name.matches(".*(PASSWORD|SECRET|_KEY|_AUTH)$") && !name.startsWith("PLATFORM_LINKS_")) {
                    assertTrue(required.matcher(value).find(), entry.getKey() + "'s " + name + " is required from the environment, not written here: " + value);
                }
            });
            assertFalse(String.valueOf(compose.get("command")).contains("start-dev"), entry.getKey() + " runs in production mode");
        }
        assertTrue(String.valueOf(map(map(services, "mail"), "environment").get("MP_UI_AUTH")).contains(":${MAIL_UI_PASSWORD:?"),
                "the mail UI wants a password");
        String init = Files.readString(ROOT.resolve("deploy/postgres/init-databases.sql"));
        for (Service service : Service.values()) {
            Map<String, String> env = strings(map(map(services, service.module), "environment"));
            String role = role(service);
            assertEquals(role, env.get("QUARKUS_DATASOURCE_USERNAME"), service.module + " connects as its own role");
            assertTrue(
                    init.contains("CREATE ROLE " + role + " LOGIN PASSWORD :'")
                            && init.contains("CREATE DATABASE " + service.database + " OWNER " + role + ";"),
                    "init-databases.sql makes " + role + " and its database " + service.database);
            for (String secret : requiredSecrets(service)) {
                assertTrue(env.containsKey(envName(secret)) && required.matcher(env.get(envName(secret))).matches(),
                        "docker-compose.yml gives " + service.module + " its " + secret + " from the environment, required");
            }
        }
    }

    @Test
    void SEC_kubernetesTakesEverySecretFromASecretAndCommitsNoneInTheBase() throws IOException {
        List<Map<String, Object>> objects = manifests();
        Path base = ROOT.resolve("deploy/k8s/base");
        try (Stream<Path> files = Files.walk(base)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                assertFalse(Pattern.compile("(?m)^kind: Secret$").matcher(Files.readString(file)).find(), file + " has a Secret: the base commits none");
            }
        }
        Map<String, Map<String, Object>> deployments = byName(objects, "Deployment");
        for (Service service : Service.values()) {
            Map<String, Object> env = environment(deployments.get(service.module));
            for (String secret : requiredSecrets(service)) {
                Object entry = env.get(envName(secret));
                assertNotNull(entry, "Kubernetes gives " + service.module + " its " + secret);
                assertTrue(String.valueOf(asMap(entry, secret).get("valueFrom")).contains("secretKeyRef"),
                        service.module + "'s " + secret + " comes from a Secret");
            }
            Object jaas = asMap(env.get("KAFKA_SASL_JAAS_CONFIG"), service.module + "'s Kafka credentials").get("valueFrom");
            assertEquals(service.module, asMap(asMap(jaas, "valueFrom").get("secretKeyRef"), "secretKeyRef").get("name"),
                    service.module + " logs in to Kafka as its KafkaUser, from the Secret Strimzi makes for it");
        }
    }

    @Test
    void SEC_kafkaAuthenticatesEveryClientAndEachServicesAclsAreExactlyWhatItsConfigurationUses() throws IOException {
        List<Map<String, Object>> objects = manifests();
        Map<String, String> platformConfig = strings(map(byName(objects, "ConfigMap").get("platform-config"), "data"));
        Map<String, Object> kafka = map(map(byName(objects, "Kafka").get("accounts-kafka"), "spec"), "kafka");
        List<Map<String, Object>> listeners = list(kafka, "listeners");
        String bootstrapPort = platformConfig.get("KAFKA_BOOTSTRAP_SERVERS").replaceAll(".*:", "");
        for (Map<String, Object> listener : listeners) {
            assertEquals(Boolean.TRUE, listener.get("tls"), "listener " + listener.get("name") + " speaks TLS");
            assertEquals("scram-sha-512", map(listener, "authentication").get("type"), "listener " + listener.get("name") + " authenticates");
            assertEquals(bootstrapPort, String.valueOf(listener.get("port")), "the services reach the one listener");
        }
        assertEquals("simple", map(kafka, "authorization").get("type"), "Kafka checks ACLs");
        assertEquals("SASL_SSL", platformConfig.get("KAFKA_SECURITY_PROTOCOL"));
        assertEquals("SCRAM-SHA-512", platformConfig.get("KAFKA_SASL_MECHANISM"));

        Map<String, Map<String, Object>> users = byName(objects, "KafkaUser");
        assertEquals(Set.of(Service.values()).stream().map(s -> s.module).collect(Collectors.toSet()), users.keySet(), "a KafkaUser per service, no other");
        for (Service service : Service.values()) {
            Map<String, Object> spec = map(users.get(service.module), "spec");
            assertEquals("scram-sha-512", map(spec, "authentication").get("type"), service.module + "'s user");
            Set<String> granted = new TreeSet<>();
            for (Map<String, Object> acl : list(map(spec, "authorization"), "acls")) {
                Map<String, Object> resource = map(acl, "resource");
                for (Object operation : (List<?>) acl.get("operations")) {
                    granted.add(resource.get("type") + " " + resource.get("patternType") + " " + resource.get("name") + " " + operation);
                }
            }
            assertEquals(expectedAcls(service), granted, service.module + "'s ACLs are what its configuration uses");
        }
    }

    /** Write, Describe and Create on what it writes; Read and Describe on what it reads; its groups; its relay's transactions. */
    private static Set<String> expectedAcls(Service service) throws IOException {
        Properties properties = properties(service);
        Set<String> acls = new TreeSet<>();
        Set<String> writes = new TreeSet<>(ALSO_WRITES.get(service));
        if ("true".equals(properties.getProperty("platform.event-store.enabled"))) {
            String topic = properties.getProperty("platform.event-store.topic");
            writes.add(topic);
            acls.add("transactionalId prefix relay:" + topic + ": Write");
            acls.add("transactionalId prefix relay:" + topic + ": Describe");
        }
        for (String topic : writes) {
            for (String operation : List.of("Write", "Describe", "Create")) {
                acls.add("topic literal " + topic + " " + operation);
            }
        }
        Set<String> reads = new TreeSet<>(ALSO_READS.get(service));
        for (String key : properties.stringPropertyNames()) {
            Matcher channel = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic").matcher(key);
            if (channel.matches()) {
                reads.add(properties.getProperty(key));
                String group = properties.getProperty("mp.messaging.incoming." + channel.group(1) + ".group.id");
                assertNotNull(group, service.module + "'s channel " + channel.group(1) + " names its group");
                acls.add("group literal " + group + " Read");
            }
        }
        for (String topic : reads) {
            acls.add("topic literal " + topic + " Read");
            acls.add("topic literal " + topic + " Describe");
        }
        ALSO_CREATES.get(service).forEach(topic -> acls.add("topic literal " + topic + " Create"));
        return acls;
    }

    @Test
    void SEC_networkPoliciesDenyByDefaultAndLetEachPartReachOnlyWhatItNeeds() throws IOException {
        List<Map<String, Object>> objects = manifests();
        Map<String, Map<String, Object>> policies = byName(objects, "NetworkPolicy");
        Map<String, Object> deny = map(policies.get("default-deny"), "spec");
        assertEquals(Map.of(), deny.get("podSelector"), "default-deny selects every pod");
        assertEquals(List.of("Ingress", "Egress"), deny.get("policyTypes"));
        assertFalse(deny.containsKey("ingress") || deny.containsKey("egress"), "default-deny allows nothing");
        assertTrue(String.valueOf(map(policies.get("dns"), "spec").get("egress")).contains("port=53"), "every pod may ask the DNS");
        String kafkaPort = strings(map(byName(objects, "ConfigMap").get("platform-config"), "data")).get("KAFKA_BOOTSTRAP_SERVERS").replaceAll(".*:", "");

        Map<String, Object> gateway = map(policies.get("gateway"), "spec");
        Set<String> gatewayReaches = new TreeSet<>();
        for (Map<String, Object> rule : list(gateway, "egress")) {
            gatewayReaches.addAll(reached(rule));
        }
        for (Service service : Service.values()) {
            assertTrue(gatewayReaches.contains("app.kubernetes.io/name=" + service.module + ":" + service.localPort), "the gateway reaches " + service.module);
            Map<String, Object> spec = map(policies.get(service.module), "spec");
            assertEquals(Map.of("app.kubernetes.io/name", service.module), map(map(spec, "podSelector"), "matchLabels"),
                    "the policy " + service.module + " is its pods'");
            Set<String> from = new TreeSet<>();
            for (Map<String, Object> rule : list(spec, "ingress")) {
                List<Map<String, Object>> peers = list(rule, "from");
                for (Map<String, Object> peer : peers) {
                    for (Map<String, Object> port : list(rule, "ports")) {
                        from.add(String.valueOf(map(map(peer, "podSelector"), "matchLabels").get("app.kubernetes.io/name")) + ":" + port.get("port"));
                    }
                }
            }
            Set<String> expectedFrom = new TreeSet<>(Set.of("gateway:" + service.localPort));
            if (service == Service.PERMISSION) {
                expectedFrom.add("session-service:" + service.localPort);
            }
            assertEquals(expectedFrom, from, "who reaches " + service.module);
            Set<String> to = new TreeSet<>();
            for (Map<String, Object> rule : list(spec, "egress")) {
                to.addAll(reached(rule));
            }
            Set<String> expectedTo = new TreeSet<>(Set.of("cnpg.io/cluster=accounts-postgres:5432",
                    "strimzi.io/cluster=accounts-kafka,strimzi.io/name=accounts-kafka-kafka:" + kafkaPort,
                    "app=keycloak,app.kubernetes.io/instance=accounts-keycloak:8080"));
            if (service == Service.SESSION) {
                expectedTo.add("app.kubernetes.io/name=permission-service:" + Service.PERMISSION.localPort);
            }
            if (service == Service.NOTIFICATION) {
                expectedTo.addAll(Set.of("0.0.0.0/0:25", "0.0.0.0/0:465", "0.0.0.0/0:587"));
            }
            assertEquals(expectedTo, to, "what " + service.module + " reaches");
        }
        List<?> peers = (List<?>) list(map(map(byName(objects, "Kafka").get("accounts-kafka"), "spec"), "kafka"), "listeners").get(0).get("networkPolicyPeers");
        assertEquals("[{podSelector={matchLabels={app.kubernetes.io/component=service}}}]", String.valueOf(peers), "only the services reach Kafka's listener");
    }

    /** Each peer and port an egress rule allows, as "label=value,...:port" or "cidr:port". */
    private static Set<String> reached(Map<String, Object> rule) {
        Set<String> reached = new TreeSet<>();
        for (Map<String, Object> peer : list(rule, "to")) {
            String who = peer.containsKey("ipBlock")
                    ? String.valueOf(map(peer, "ipBlock").get("cidr"))
                    : new TreeMap<>(strings(map(map(peer, "podSelector"), "matchLabels"))).entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
            for (Map<String, Object> port : list(rule, "ports")) {
                reached.add(who + ":" + port.get("port"));
            }
        }
        return reached;
    }

    private static Map<String, Object> environment(Map<String, Object> deployment) {
        Map<String, Object> container = list(map(map(map(deployment, "spec"), "template"), "spec"), "containers").get(0);
        return list(container, "env").stream().collect(Collectors.toMap(v -> (String) v.get("name"), v -> v));
    }

    /** The properties a production start refuses to go without (RequiredSecrets). */
    private static List<String> requiredSecrets(Service service) throws IOException {
        String required = properties(service).getProperty("platform.secrets.required", "");
        List<String> names = Stream.of(required.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
        assertTrue(names.contains("quarkus.oidc.credentials.secret") && names.contains("quarkus.datasource.password"),
                service.module + " requires its client secret and database password: " + names);
        return names;
    }

    private static String role(Service service) {
        return service.module.replace('-', '_');
    }

    // --- what the services read -------------------------------------------------------------------------------

    /** The environment names the service reads: its application.properties keys, as Quarkus maps them. */
    private static Set<String> readBy(Service service) throws IOException {
        return properties(service).stringPropertyNames().stream().filter(key -> !key.startsWith("%")).map(DeploymentConfigTest::envName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The migrations (JDBC) run on the very database the service then reads and writes (reactive). */
    private static void assertSameDatabase(String reactiveUrl, String jdbcUrl, String where) {
        assertEquals("jdbc:" + reactiveUrl, jdbcUrl, where + "'s JDBC URL names the database of its reactive URL");
    }

    private static void assertReadByTheService(Service service, Set<String> given, String where) throws IOException {
        Set<String> read = readBy(service);
        Set<String> unknown = given.stream().filter(name -> !read.contains(name) && !READ_ANYWAY.contains(name) && !name.startsWith("KAFKA_"))
                .collect(Collectors.toCollection(TreeSet::new));
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
