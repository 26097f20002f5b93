package com.example.accounts.e2e;

import com.example.accounts.e2e.Manifests.Manifest;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ResourceMetricSource;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.crdgenerator.annotations.Crd;
import io.strimzi.crdgenerator.annotations.Minimum;
import io.strimzi.crdgenerator.annotations.PresentInVersions;
import io.strimzi.crdgenerator.annotations.RequiredInVersions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each object read strictly into the model its operator or Kubernetes publishes: Strimzi's io.strimzi:api for its
 * kinds, fabric8's kubernetes-model for the core ones, {@link OperatorModels} for CloudNativePG and Keycloak. Strict
 * means: an unknown field fails (the models' catch-all for unknown fields is switched off), no scalar is coerced (a
 * string where a number goes fails), the apiVersion is the one the model is of, and a required field is there:
 * Strimzi's as its model marks them for v1 (with the fields not in v1 and its minimums), Kubernetes' as its API
 * reference does (below), the typed records' as they mark them. Each problem names the object and the field's path.
 */
final class ManifestValidator {

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("Namespace", Namespace.class), Map.entry("ConfigMap", ConfigMap.class), Map.entry("Secret", Secret.class),
            Map.entry("Service", Service.class), Map.entry("Deployment", Deployment.class),
            Map.entry("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class), Map.entry("PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("NetworkPolicy", NetworkPolicy.class),
            Map.entry("Kafka", Kafka.class), Map.entry("KafkaNodePool", KafkaNodePool.class), Map.entry("KafkaTopic", KafkaTopic.class),
            Map.entry("KafkaUser", KafkaUser.class),
            Map.entry("Cluster", OperatorModels.Cluster.class), Map.entry("Database", OperatorModels.Database.class),
            Map.entry("Keycloak", OperatorModels.Keycloak.class), Map.entry("KeycloakRealmImport", OperatorModels.KeycloakRealmImport.class));

    /** Required in the Kubernetes API reference (1.30 to 1.36) for the types the manifests use; fabric8 marks none. */
    private static final Map<Class<?>, Set<String>> KUBERNETES_REQUIRED = Map.ofEntries(
            Map.entry(DeploymentSpec.class, Set.of("selector", "template")), Map.entry(Container.class, Set.of("name")),
            Map.entry(ContainerPort.class, Set.of("containerPort")), Map.entry(EnvVar.class, Set.of("name")),
            Map.entry(SecretKeySelector.class, Set.of("key")), Map.entry(ConfigMapKeySelector.class, Set.of("key")),
            Map.entry(Volume.class, Set.of("name")), Map.entry(VolumeMount.class, Set.of("name", "mountPath")),
            Map.entry(KeyToPath.class, Set.of("key", "path")), Map.entry(HTTPGetAction.class, Set.of("port")),
            Map.entry(TCPSocketAction.class, Set.of("port")), Map.entry(TopologySpreadConstraint.class, Set.of("maxSkew", "topologyKey", "whenUnsatisfiable")),
            Map.entry(LabelSelectorRequirement.class, Set.of("key", "operator")), Map.entry(ServicePort.class, Set.of("port")),
            Map.entry(HorizontalPodAutoscalerSpec.class, Set.of("scaleTargetRef", "maxReplicas")),
            Map.entry(CrossVersionObjectReference.class, Set.of("kind", "name")), Map.entry(MetricSpec.class, Set.of("type")),
            Map.entry(ResourceMetricSource.class, Set.of("name", "target")), Map.entry(MetricTarget.class, Set.of("type")),
            Map.entry(HPAScalingPolicy.class, Set.of("type", "value", "periodSeconds")), Map.entry(IPBlock.class, Set.of("cidr")));

    private static final List<String> STRIMZI_VERSIONS = List.of("v1alpha1", "v1beta1", "v1beta2", "v1");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                // Strimzi's and fabric8's models keep unknown fields in additionalProperties; here they are errors
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            })
            .build();

    private ManifestValidator() {
    }

    /** What is wrong with the object, each as "file: Kind name: path problem"; none when it validates. */
    static List<String> problems(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        Class<?> model = MODELS.get(manifest.kind());
        if (model == null) {
            return List.of(manifest.where() + ": no model of the kind " + manifest.kind());
        }
        String apiVersion = HasMetadata.getApiVersion(model);
        if (!apiVersion.equals(manifest.object().get("apiVersion"))) {
            problems.add("apiVersion " + manifest.object().get("apiVersion") + ", not " + apiVersion);
        }
        if (model.getAnnotation(Crd.class) instanceof Crd crd
                && Arrays.stream(crd.spec().versions()).noneMatch(v -> v.served() && apiVersion.endsWith("/" + v.name()))) {
            problems.add("apiVersion " + apiVersion + " is not served by the model's CRD");
        }
        try {
            JsonNode input = MAPPER.valueToTree(manifest.object());
            walk(MAPPER.treeToValue(input, model), input, "", apiVersion.substring(apiVersion.indexOf('/') + 1), problems);
        } catch (JsonMappingException e) {
            problems.add(describe(e));
        } catch (Exception e) {
            problems.add(e.toString());
        }
        return problems.stream().map(problem -> manifest.where() + ": " + problem).toList();
    }

    private static String describe(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (e instanceof UnrecognizedPropertyException) {
            return path + " unknown";
        }
        Matcher missing = Pattern.compile("Missing required creator property '([^']+)'").matcher(e.getOriginalMessage());
        if (missing.find()) {
            return path + " required";
        }
        return path + ": " + e.getOriginalMessage().lines().findFirst().orElse("");
    }

    /**
     * Down the typed object beside the input it was read from: what is required is there, what is there is in this
     * version and within its minimum, and nothing given was dropped (Strimzi reads a value its enums do not know as
     * null).
     */
    private static void walk(Object value, JsonNode input, String path, String version, List<String> problems) throws ReflectiveOperationException {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), given(input == null ? null : input.get(i), path + "[" + i + "]", list.get(i), problems), path + "[" + i + "]", version,
                        problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String at = path + "." + entry.getKey();
                walk(entry.getValue(), given(input == null ? null : input.get(String.valueOf(entry.getKey())), at, entry.getValue(), problems), at, version,
                        problems);
            }
            return;
        }
        if (value == null || value instanceof Enum<?> || !modelled(value.getClass())) {
            return;
        }
        BeanDescription bean = MAPPER.getSerializationConfig().introspect(MAPPER.constructType(value.getClass()));
        for (BeanPropertyDefinition property : bean.findProperties()) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor == null || property.getName().equals("status")) {
                continue;
            }
            accessor.fixAccess(true);
            Object child = accessor.getValue(value);
            String at = path.isEmpty() ? property.getName() : path + "." + property.getName();
            JsonNode given = given(input == null ? null : input.get(property.getName()), at, child, problems);
            if (child == null) {
                if (given == null && required(value.getClass(), property, accessor, version)) {
                    problems.add(at + " required");
                }
                continue;
            }
            if (accessor.getAnnotation(PresentInVersions.class) instanceof PresentInVersions present && !covers(present.value(), version)) {
                problems.add(at + " is not in " + version + " (" + present.value() + ")");
            }
            if (accessor.getAnnotation(Minimum.class) instanceof Minimum minimum && child instanceof Number number && number.longValue() < minimum.value()) {
                problems.add(at + " is " + number + ", under its minimum " + minimum.value());
            }
            walk(child, given, at, version, problems);
        }
    }

    /** The input node of a value; a value given but read as nothing is a problem. */
    private static JsonNode given(JsonNode node, String path, Object read, List<String> problems) {
        if (read == null && node != null && !node.isNull()) {
            problems.add(path + ": " + node + " is not a value it takes");
        }
        return node == null || node.isNull() ? null : node;
    }

    private static boolean required(Class<?> type, BeanPropertyDefinition property, AnnotatedMember accessor, String version) {
        return property.isRequired()
                || accessor.getAnnotation(RequiredInVersions.class) instanceof RequiredInVersions required && covers(required.value(), version)
                || KUBERNETES_REQUIRED.getOrDefault(type, Set.of()).contains(property.getName());
    }

    private static boolean modelled(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.strimzi.api.") || name.startsWith("io.fabric8.kubernetes.api.model.") || type.getEnclosingClass() == OperatorModels.class;
    }

    /** Strimzi's version ranges: "v1", "v1beta2+", "v1alpha1-v1beta2", or several joined by commas. */
    static boolean covers(String ranges, String version) {
        int at = STRIMZI_VERSIONS.indexOf(version);
        for (String range : ranges.split(",")) {
            String r = range.strip();
            if (r.endsWith("+")
                    ? at >= STRIMZI_VERSIONS.indexOf(r.substring(0, r.length() - 1))
                    : r.contains("-")
                            ? at >= STRIMZI_VERSIONS.indexOf(r.substring(0, r.indexOf('-'))) && at <= STRIMZI_VERSIONS.indexOf(r.substring(r.indexOf('-') + 1))
                            : r.equals(version)) {
                return true;
            }
        }
        return false;
    }
}
