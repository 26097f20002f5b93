package com.example.accounts.e2e;

import com.example.accounts.e2e.Manifests.Manifest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every object under deploy/k8s, as written and as the local overlay renders it, is one the operators and Kubernetes
 * take: read strictly into their own models ({@link ManifestValidator}), no cluster needed. The versions checked are
 * the e2e module's io.strimzi:api (Strimzi 1.2; kafka.strimzi.io/v1, served since 0.49) and fabric8 kubernetes-model,
 * and the operator versions {@link OperatorModels} names; deploy/README.md says the same. And a drain goes through:
 * at every replica count an autoscaler allows, base and overlay, each budget lets a pod go.
 */
class ManifestSchemaTest {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private static final Manifests MANIFESTS = new Manifests(ROOT);
    private static final String LOCAL = "deploy/k8s/overlays/local";

    @Test
    void everyManifestAsWrittenValidatesStrictlyAgainstItsOperatorsModel() throws IOException {
        List<Manifest> objects = MANIFESTS.files();
        assertTrue(objects.size() > 40, "the manifests are read: " + objects.size());
        assertEquals(List.of(), problems(objects));
    }

    @Test
    void theBaseAndTheLocalOverlayAsRenderedValidateStrictly() throws IOException {
        List<Manifest> base = MANIFESTS.build("deploy/k8s/base");
        List<Manifest> local = MANIFESTS.build(LOCAL);
        assertTrue(local.stream().anyMatch(m -> m.kind().equals("Secret")), "the overlay's Secrets are rendered");
        assertEquals(1, replicas(find(local, "KafkaNodePool", "nodes")), "the overlay's patches are applied");
        assertEquals(List.of(), problems(base));
        assertEquals(List.of(), problems(local));
    }

    /**
     * Where kubectl is installed, its kustomize renders the overlays as {@link Manifests} does, the content hash of
     * generated names apart: what the checks above read is what kubectl apply -k sends.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theRenderingIsKubectlKustomizesWhereKubectlIsInstalled() throws IOException, InterruptedException {
        assumeTrue(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl"))),
                "kubectl is not installed");
        for (String kustomization : List.of("deploy/k8s/base", LOCAL)) {
            Map<String, Object> ours = new TreeMap<>();
            List<Manifest> rendered = MANIFESTS.build(kustomization);
            rendered.forEach(object -> ours.put(object.kind() + " " + object.name(), object.object()));
            String generated = rendered.stream().filter(m -> m.source().endsWith("Generator")).map(m -> Pattern.quote(m.name()))
                    .collect(Collectors.joining("|"));
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", ROOT.resolve(kustomization).toString()).redirectErrorStream(true).start();
            String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, kubectl.waitFor(), "kubectl kustomize " + kustomization + ": " + output);
            Map<String, Object> theirs = new TreeMap<>();
            for (Object document : new Yaml().loadAll(output.replaceAll("\\b(" + generated + ")-[a-z0-9]{10}\\b", "$1"))) {
                Manifest object = new Manifest(kustomization, (Map<String, Object>) document);
                theirs.put(object.kind() + " " + object.name(), object.object());
            }
            assertEquals(theirs.keySet(), ours.keySet(), kustomization + ": the same objects");
            for (String key : theirs.keySet()) {
                assertEquals(theirs.get(key), ours.get(key), kustomization + ": " + key + " as kubectl kustomize renders it");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a misspelled field     | deploy/k8s/base/kafka/topics.yaml: KafkaTopic account-events: spec.partitionz unknown",
            "a misspelled core field | deploy/k8s/base/services/account-service.yaml: Deployment account-service: spec.template.spec.containers[0].imagePullPolicyy unknown",
            "a misspelled CloudNativePG field | deploy/k8s/base/postgres/cluster.yaml: Cluster accounts-postgres: spec.walStorage.sise unknown",
            "a misspelled Keycloak field | deploy/k8s/base/keycloak/keycloak.yaml: Keycloak accounts-keycloak: spec.db.vendorr unknown",
            "a removed required Strimzi field | deploy/k8s/base/kafka/users.yaml: KafkaUser session-service: spec.authorization.acls[0].operations required",
            "a removed required core field | deploy/k8s/base/services/account-service.yaml: HorizontalPodAutoscaler account-service: spec.maxReplicas required",
            "a removed required CloudNativePG field | deploy/k8s/base/postgres/cluster.yaml: Database accounts-postgres-account: spec.owner required",
            "a removed required Keycloak field | deploy/k8s/base/keycloak/realm-import.yaml: KeycloakRealmImport accounts-realm: spec.keycloakCRName required",
            "a wrong Strimzi apiVersion | deploy/k8s/base/kafka/kafka-cluster.yaml: Kafka accounts-kafka: apiVersion kafka.strimzi.io/v1beta2, not kafka.strimzi.io/v1",
            "a wrong core apiVersion | deploy/k8s/base/services/account-service.yaml: PodDisruptionBudget account-service: apiVersion policy/v1beta1, not policy/v1",
            "a wrong Keycloak apiVersion | deploy/k8s/base/keycloak/keycloak.yaml: Keycloak accounts-keycloak: apiVersion k8s.keycloak.org/v1, not k8s.keycloak.org/v2alpha1",
            "a string for a number  | deploy/k8s/base/kafka/kafka-cluster.yaml: KafkaNodePool nodes: spec.replicas: Cannot coerce String value (\"3\") to `int` value",
            "an unknown enum value  | deploy/k8s/base/kafka/users.yaml: KafkaUser account-service: spec.authorization.acls[0].operations[0]: \"Writ\" is not a value it takes",
            "an unknown pattern type | deploy/k8s/base/kafka/users.yaml: KafkaUser account-service: spec.authorization.acls[1].resource.patternType: \"prefixed\" is not a value it takes",
    })
    void aBrokenManifestIsReportedWithItsPath(String what, String expected) throws IOException {
        String where = expected.substring(0, expected.indexOf(':', expected.indexOf(':') + 1));
        Manifest broken = broken(what.strip(), where);
        List<String> problems = ManifestValidator.problems(broken);
        assertTrue(problems.stream().anyMatch(problem -> problem.startsWith(expected.strip())),
                what + " is reported as\n" + expected.strip() + "\nbut the problems are " + problems);
    }

    /** A copy of the real object named, changed in memory as the case says. */
    private static Manifest broken(String what, String where) throws IOException {
        Manifest real = MANIFESTS.files().stream().filter(m -> m.where().equals(where)).findFirst().orElseThrow(() -> new AssertionError("no " + where));
        Map<String, Object> object = Manifests.copy(real.object());
        Map<String, Object> spec = map(object, "spec");
        Consumer<Map<String, Object>> change = switch (what) {
            case "a misspelled field" -> o -> spec.put("partitionz", spec.remove("partitions"));
            case "a misspelled core field" -> o -> containers(o).get(0).put("imagePullPolicyy", "IfNotPresent");
            case "a misspelled CloudNativePG field" -> o -> map(spec, "walStorage").put("sise", map(spec, "walStorage").remove("size"));
            case "a misspelled Keycloak field" -> o -> map(spec, "db").put("vendorr", map(spec, "db").remove("vendor"));
            case "a removed required Strimzi field" -> o -> list(map(spec, "authorization"), "acls").get(0).remove("operations");
            case "a removed required core field" -> o -> spec.remove("maxReplicas");
            case "a removed required CloudNativePG field" -> o -> spec.remove("owner");
            case "a removed required Keycloak field" -> o -> spec.remove("keycloakCRName");
            case "a wrong Strimzi apiVersion" -> o -> o.put("apiVersion", "kafka.strimzi.io/v1beta2");
            case "a wrong core apiVersion" -> o -> o.put("apiVersion", "policy/v1beta1");
            case "a wrong Keycloak apiVersion" -> o -> o.put("apiVersion", "k8s.keycloak.org/v1");
            case "a string for a number" -> o -> spec.put("replicas", "3");
            case "an unknown enum value" -> o -> list(map(spec, "authorization"), "acls").get(0).put("operations", List.of("Writ", "Describe"));
            case "an unknown pattern type" -> o -> map(list(map(spec, "authorization"), "acls").get(1), "resource").put("patternType", "prefixed");
            default -> throw new IllegalArgumentException(what);
        };
        assertEquals(List.of(), ManifestValidator.problems(real), "the real object validates before it is broken");
        change.accept(object);
        assertFalse(object.equals(real.object()), "the copy is changed, not the object read");
        return real.with(object);
    }

    /**
     * The README's steps: kubectl apply -k of the overlay rendered above, then the realm import its jq command makes
     * (the realm file in spec.realm, with or without the demo logins), whose CR is the Keycloak's and whose
     * placeholders read keys the overlay's Secrets have.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theReadmesApplyStepsAreTheOnesCheckedHere() throws IOException {
        String readme = Files.readString(ROOT.resolve("deploy/README.md"));
        assertTrue(readme.contains("kubectl apply -k " + LOCAL + "\n"), "the README applies the overlay rendered here");
        assertTrue(readme.contains("--slurpfile realm deploy/keycloak/accounts-realm.json '.spec.realm = $realm[0]'"),
                "the README imports the realm file whole");
        List<Manifest> local = MANIFESTS.build(LOCAL);
        Manifest imported = find(MANIFESTS.files(), "KeycloakRealmImport", "accounts-realm");
        Map<String, Object> realm = new ObjectMapper().readValue(ROOT.resolve("deploy/keycloak/accounts-realm.json").toFile(), Map.class);
        Map<String, Object> production = Manifests.copy(realm);
        production.put("users", list(realm, "users").stream().filter(user -> !String.valueOf(user.get("username")).endsWith("@demo.example")).toList());
        for (Map<String, Object> spec : List.of(realm, production)) {
            Map<String, Object> object = Manifests.copy(imported.object());
            map(object, "spec").put("realm", Manifests.copy(spec));
            assertEquals(List.of(), ManifestValidator.problems(imported.with(object)));
        }
        Map<String, Object> spec = map(imported.object(), "spec");
        find(local, "Keycloak", (String) spec.get("keycloakCRName"));
        for (Map.Entry<String, Object> placeholder : map(spec, "placeholders").entrySet()) {
            Map<String, Object> secret = map((Map<String, Object>) placeholder.getValue(), "secret");
            assertTrue(map(find(local, "Secret", (String) secret.get("name")).object(), "data").containsKey(secret.get("key")),
                    "the placeholder " + placeholder.getKey() + " reads a key the overlay's Secret " + secret.get("name") + " has");
        }
    }

    // --- disruption budgets ---------------------------------------------------------------------------------------

    @Test
    void everyBudgetLetsADrainThroughAtEveryReplicaCountBaseAndLocal() throws IOException {
        for (String kustomization : List.of("deploy/k8s/base", LOCAL)) {
            List<Manifest> objects = MANIFESTS.build(kustomization);
            List<Manifest> deployments = objects.stream().filter(m -> m.kind().equals("Deployment")).toList();
            assertFalse(deployments.isEmpty());
            for (Manifest deployment : deployments) {
                List<Manifest> budgets = objects.stream().filter(m -> m.kind().equals("PodDisruptionBudget") && covers(m, deployment)).toList();
                if (map(map(deployment.object(), "metadata"), "labels").get("app.kubernetes.io/component") instanceof String component
                        && List.of("service", "gateway").contains(component)) {
                    assertEquals(1, budgets.size(), kustomization + ": " + deployment.where() + " has its budget");
                }
                for (int count : replicaCounts(objects, deployment)) {
                    for (Manifest budget : budgets) {
                        assertTrue(disruptionsAllowed(map(budget.object(), "spec"), count) >= 1,
                                kustomization + ": " + budget.where() + " lets no pod go at " + count + " replicas of " + deployment.name());
                    }
                }
            }
            // the operators' own budgets: CloudNativePG keeps its primary (minAvailable 1) unless told not to; Strimzi's
            // nodes' budget is maxUnavailable 1 unless a template sets it
            for (Manifest cluster : objects.stream().filter(m -> m.kind().equals("Cluster")).toList()) {
                Map<String, Object> spec = map(cluster.object(), "spec");
                assertTrue((Integer) spec.get("instances") > 1 || Boolean.FALSE.equals(spec.get("enablePDB")),
                        kustomization + ": " + cluster.where() + " of one instance drops CloudNativePG's budget (enablePDB false)");
            }
            for (Manifest kafka : objects.stream().filter(m -> m.kind().equals("Kafka")).toList()) {
                assertFalse(String.valueOf(map(map(kafka.object(), "spec"), "kafka")).contains("podDisruptionBudget"),
                        kustomization + ": " + kafka.where() + " keeps Strimzi's budget of maxUnavailable 1");
            }
        }
    }

    /** Every count the Deployment may run at: its autoscaler's range, else its replicas (1 when unset). */
    private static List<Integer> replicaCounts(List<Manifest> objects, Manifest deployment) {
        List<Integer> counts = new ArrayList<>();
        for (Manifest scaler : objects.stream().filter(m -> m.kind().equals("HorizontalPodAutoscaler")).toList()) {
            Map<String, Object> spec = map(scaler.object(), "spec");
            if (deployment.name().equals(map(spec, "scaleTargetRef").get("name"))) {
                for (int count = (Integer) spec.getOrDefault("minReplicas", 1); count <= (Integer) spec.get("maxReplicas"); count++) {
                    counts.add(count);
                }
            }
        }
        return counts.isEmpty() ? List.of(replicas(deployment)) : counts;
    }

    /** As the disruption controller counts, with every pod healthy: percentages round up. */
    static int disruptionsAllowed(Map<String, Object> budget, int replicas) {
        if (budget.containsKey("minAvailable")) {
            return replicas - scaled(budget.get("minAvailable"), replicas);
        }
        return Math.min(replicas, scaled(budget.getOrDefault("maxUnavailable", 0), replicas));
    }

    private static int scaled(Object value, int replicas) {
        String text = String.valueOf(value);
        return text.endsWith("%") ? (int) Math.ceil(Integer.parseInt(text.substring(0, text.length() - 1)) * replicas / 100.0) : Integer.parseInt(text);
    }

    @Test
    void theBudgetArithmeticIsTheDisruptionControllers() {
        assertEquals(0, disruptionsAllowed(Map.of("minAvailable", 1), 1), "minAvailable 1 of one pod blocks a drain");
        assertEquals(1, disruptionsAllowed(Map.of("minAvailable", 1), 2));
        assertEquals(1, disruptionsAllowed(Map.of("maxUnavailable", 1), 1));
        assertEquals(0, disruptionsAllowed(Map.of("minAvailable", "100%"), 3));
        assertEquals(1, disruptionsAllowed(Map.of("maxUnavailable", "10%"), 2), "a percentage rounds up");
    }

    private static boolean covers(Manifest budget, Manifest deployment) {
        Map<String, Object> selector = map(map(map(budget.object(), "spec"), "selector"), "matchLabels");
        Map<String, Object> labels = map(map(map(map(deployment.object(), "spec"), "template"), "metadata"), "labels");
        return labels.entrySet().containsAll(selector.entrySet());
    }

    private static int replicas(Manifest object) {
        return (Integer) map(object.object(), "spec").getOrDefault("replicas", 1);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static List<String> problems(List<Manifest> objects) {
        return objects.stream().flatMap(m -> ManifestValidator.problems(m).stream()).toList();
    }

    private static Manifest find(List<Manifest> objects, String kind, String name) {
        return objects.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static List<Map<String, Object>> containers(Map<String, Object> deployment) {
        return list(map(map(map(deployment, "spec"), "template"), "spec"), "containers");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof Map, key + " is an object in " + parent);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof List, key + " is a list in " + parent);
        return (List<Map<String, Object>>) value;
    }
}
