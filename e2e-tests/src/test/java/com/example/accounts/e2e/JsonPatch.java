package com.example.accounts.e2e;

import java.util.List;
import java.util.Map;

/**
 * JSON patch (RFC 6902) on a YAML object: add, replace and remove, the operations the overlays use; any other is
 * refused. As the RFC says, replace and remove need the value there, and add needs the parent; a patch that finds
 * neither fails with its path, as kustomize fails.
 */
final class JsonPatch {

    private JsonPatch() {
    }

    static void apply(List<Map<String, Object>> operations, Map<String, Object> object, String where) {
        for (Map<String, Object> operation : operations) {
            String op = String.valueOf(operation.get("op"));
            String path = String.valueOf(operation.get("path"));
            String[] tokens = path.substring(1).split("/", -1);
            Object parent = object;
            for (int i = 0; i < tokens.length - 1; i++) {
                parent = child(parent, unescape(tokens[i]), where, path);
            }
            String last = unescape(tokens[tokens.length - 1]);
            Object value = Manifests.copy(operation.get("value"));
            switch (op) {
                case "add" -> add(parent, last, value, where, path);
                case "replace" -> {
                    child(parent, last, where, path);
                    set(parent, last, value);
                }
                case "remove" -> {
                    child(parent, last, where, path);
                    remove(parent, last);
                }
                default -> throw new IllegalStateException(where + ": the patch operation " + op + " is not rendered here");
            }
        }
    }

    private static Object child(Object parent, String token, String where, String path) {
        Object child = switch (parent) {
            case Map<?, ?> map -> map.get(token);
            case List<?> list when token.matches("\\d+") && Integer.parseInt(token) < list.size() -> list.get(Integer.parseInt(token));
            default -> null;
        };
        if (child == null) {
            throw new IllegalStateException(where + ": the patch path " + path + " is not there (" + token + ")");
        }
        return child;
    }

    @SuppressWarnings("unchecked")
    private static void add(Object parent, String token, Object value, String where, String path) {
        if (parent instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put(token, value);
        } else if (parent instanceof List<?> list && (token.equals("-") || token.matches("\\d+") && Integer.parseInt(token) <= list.size())) {
            ((List<Object>) list).add(token.equals("-") ? list.size() : Integer.parseInt(token), value);
        } else {
            throw new IllegalStateException(where + ": the patch path " + path + " has no place to add to");
        }
    }

    @SuppressWarnings("unchecked")
    private static void set(Object parent, String token, Object value) {
        if (parent instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put(token, value);
        } else {
            ((List<Object>) parent).set(Integer.parseInt(token), value);
        }
    }

    private static void remove(Object parent, String token) {
        if (parent instanceof Map<?, ?> map) {
            map.remove(token);
        } else {
            ((List<?>) parent).remove(Integer.parseInt(token));
        }
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
