package com.example.accounts.e2e;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The objects of deploy/k8s: every file's documents as written, and an overlay as kustomize builds it: its resources
 * (directories by their kustomization), the generated ConfigMaps and Secrets, the namespace, the labels, the images'
 * tags and the patches. The patches here are all JSON patches (RFC 6902), applied exactly; kustomize's strategic
 * merge patches are not read, and a kustomization that uses one fails here rather than being half-rendered. Generated
 * names keep no content hash (kustomize adds one unless told not to), which no check here reads.
 */
final class Manifests {

    /** One object and where it comes from, as problems name it. */
    record Manifest(String source, Map<String, Object> object) {

        String kind() {
            return String.valueOf(object.get("kind"));
        }

        String name() {
            return object.get("metadata") instanceof Map<?, ?> metadata ? String.valueOf(metadata.get("name")) : "(no name)";
        }

        /** For example "deploy/k8s/base/kafka/topics.yaml: KafkaTopic account-events". */
        String where() {
            return source + ": " + kind() + " " + name();
        }

        Manifest with(Map<String, Object> changed) {
            return new Manifest(source, changed);
        }
    }

    private final Path root;

    Manifests(Path root) {
        this.root = root;
    }

    /** Every object of every YAML file under deploy/k8s, the kustomizations left out. */
    List<Manifest> files() throws IOException {
        List<Manifest> objects = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("deploy/k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                objects.addAll(read(file).stream().filter(m -> !"Kustomization".equals(m.kind())).toList());
            }
        }
        return objects;
    }

    /** What kubectl apply -k gets from the kustomization in this directory (relative to the project). */
    List<Manifest> build(String directory) throws IOException {
        return build(root.resolve(directory).normalize());
    }

    @SuppressWarnings("unchecked")
    private List<Manifest> build(Path dir) throws IOException {
        Path file = dir.resolve("kustomization.yaml");
        Map<String, Object> kustomization = (Map<String, Object>) load(file);
        List<Manifest> objects = new ArrayList<>();
        for (String resource : (List<String>) kustomization.getOrDefault("resources", List.of())) {
            Path path = dir.resolve(resource).normalize();
            objects.addAll(Files.isDirectory(path) ? build(path) : read(path));
        }
        String source = relative(file);
        for (Map<String, Object> generator : (List<Map<String, Object>>) kustomization.getOrDefault("configMapGenerator", List.of())) {
            Map<String, Object> data = new LinkedHashMap<>();
            for (String name : (List<String>) generator.getOrDefault("files", List.of())) {
                data.put(Path.of(name).getFileName().toString(), Files.readString(dir.resolve(name)));
            }
            objects.add(new Manifest(source + " configMapGenerator", generated("ConfigMap", generator, data, null)));
        }
        for (Map<String, Object> generator : (List<Map<String, Object>>) kustomization.getOrDefault("secretGenerator", List.of())) {
            Map<String, Object> data = new LinkedHashMap<>();
            for (String literal : (List<String>) generator.getOrDefault("literals", List.of())) {
                int equals = literal.indexOf('=');
                data.put(literal.substring(0, equals), Base64.getEncoder().encodeToString(literal.substring(equals + 1).getBytes(StandardCharsets.UTF_8)));
            }
            String type = (String) generator.getOrDefault("type", "Opaque");
            objects.add(new Manifest(source + " secretGenerator", generated("Secret", generator, data, type)));
        }
        if (kustomization.containsKey("patchesStrategicMerge") || kustomization.containsKey("patchesJson6902")) {
            throw new IllegalStateException(source + ": only patches: with JSON patches are rendered here");
        }
        for (Manifest object : objects) {
            Map<String, Object> metadata = (Map<String, Object>) object.object().get("metadata");
            if (kustomization.get("namespace") instanceof String namespace && !"Namespace".equals(object.kind())) {
                metadata.put("namespace", namespace);
            }
            for (Map<String, Object> labels : (List<Map<String, Object>>) kustomization.getOrDefault("labels", List.of())) {
                if (Boolean.TRUE.equals(labels.get("includeSelectors")) || Boolean.TRUE.equals(labels.get("includeTemplates"))) {
                    throw new IllegalStateException(source + ": labels on selectors or templates are not rendered here");
                }
                ((Map<String, Object>) metadata.computeIfAbsent("labels", k -> new LinkedHashMap<>())).putAll((Map<String, Object>) labels.get("pairs"));
            }
            setImages(object.object(), (List<Map<String, Object>>) kustomization.getOrDefault("images", List.of()));
        }
        for (Map<String, Object> patch : (List<Map<String, Object>>) kustomization.getOrDefault("patches", List.of())) {
            Map<String, Object> target = (Map<String, Object>) patch.get("target");
            List<Map<String, Object>> operations = (List<Map<String, Object>>) new Yaml().load((String) patch.get("patch"));
            for (Manifest object : objects) {
                if (targets(target, object)) {
                    JsonPatch.apply(operations, object.object(), object.where());
                }
            }
        }
        return objects;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> generated(String kind, Map<String, Object> generator, Map<String, Object> data, String type) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", "v1");
        object.put("kind", kind);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", generator.get("name"));
        Map<String, Object> options = (Map<String, Object>) generator.getOrDefault("options", Map.of());
        if (options.get("labels") instanceof Map<?, ?> labels) {
            metadata.put("labels", new LinkedHashMap<>(labels));
        }
        object.put("metadata", metadata);
        if (type != null) {
            object.put("type", type);
        }
        object.put("data", data);
        return object;
    }

    /** images: a container image named as an entry takes its newName and newTag. */
    @SuppressWarnings("unchecked")
    private static void setImages(Map<String, Object> object, List<Map<String, Object>> images) {
        if (images.isEmpty() || !(object.get("spec") instanceof Map<?, ?> spec) || !(spec.get("template") instanceof Map<?, ?> template)
                || !(template.get("spec") instanceof Map<?, ?> pod)) {
            return;
        }
        for (String containers : List.of("initContainers", "containers")) {
            for (Map<String, Object> container : (List<Map<String, Object>>) ((Map<String, Object>) pod).getOrDefault(containers, List.of())) {
                String image = String.valueOf(container.get("image"));
                String name = image.replaceFirst(":[^:/]*$", "");
                for (Map<String, Object> entry : images) {
                    if (name.equals(entry.get("name"))) {
                        container.put("image", entry.getOrDefault("newName", name) + ":"
                                + entry.getOrDefault("newTag", image.substring(name.length()).replaceFirst("^:", "")));
                    }
                }
            }
        }
    }

    /** A patch's target: kind, name and a label selector of key=value pairs, each when given. */
    @SuppressWarnings("unchecked")
    private static boolean targets(Map<String, Object> target, Manifest object) {
        if (target.keySet().stream().anyMatch(key -> !List.of("kind", "name", "labelSelector").contains(key))) {
            throw new IllegalStateException("a patch target with more than kind, name and labelSelector: " + target);
        }
        if (target.containsKey("kind") && !target.get("kind").equals(object.kind())
                || target.containsKey("name") && !target.get("name").equals(object.name())) {
            return false;
        }
        if (target.get("labelSelector") instanceof String selector) {
            Map<String, Object> labels = (Map<String, Object>) ((Map<String, Object>) object.object().get("metadata")).getOrDefault("labels", Map.of());
            for (String pair : selector.split(",")) {
                String[] keyValue = pair.split("=", 2);
                if (keyValue.length != 2 || !keyValue[1].equals(labels.get(keyValue[0]))) {
                    return false;
                }
            }
        }
        return true;
    }

    private List<Manifest> read(Path file) throws IOException {
        List<Manifest> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (document instanceof Map<?, ?>) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> object = (Map<String, Object>) document;
                    objects.add(new Manifest(relative(file), object));
                } else if (document != null) {
                    throw new IllegalStateException(relative(file) + " holds a document that is not an object");
                }
            }
        }
        return objects;
    }

    private static Object load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }

    private String relative(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString();
    }

    /** A deep copy of a YAML object, to change without touching the one read. */
    @SuppressWarnings("unchecked")
    static <T> T copy(T node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put((String) key, copy(value)));
            return (T) copy;
        }
        if (node instanceof List<?> list) {
            return (T) new ArrayList<>(list.stream().map(Manifests::copy).toList());
        }
        return node;
    }
}
