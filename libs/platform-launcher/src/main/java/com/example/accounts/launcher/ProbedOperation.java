package com.example.accounts.launcher;

import com.example.accounts.launcher.RequestVariant.Body;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One operation of the document as {@link NonMemberOracle} probes it: whether it can be probed, the ways it is sent,
 * and the request with the real ids for each way (the made-up one is that request with each id replaced).
 */
final class ProbedOperation {

    private static final String CONSISTENCY_HEADER = "Consistency-Token";
    /** Headers the oracle itself varies or sets; the document's other header parameters are sent only when given. */
    private static final Set<String> OWN_HEADERS = Set.of("authorization", "if-match", "idempotency-key", "x-correlation-id",
            CONSISTENCY_HEADER.toLowerCase());
    private static final long AHEAD = 1_000_000_000L;

    final String name;
    private final String method;
    private final String path;
    private final List<JsonNode> parameters;
    private final JsonNode bodySchema;
    private final ProbeSettings settings;
    /** The real value of each id name on this operation's path. */
    private final Map<String, String> realIds;
    private final ExampleBodies examples;

    ProbedOperation(DocumentedOperation documented, JsonNode components, VariedIds ids, ProbeSettings settings) {
        this.realIds = ids.realOn(documented.path());
        this.name = documented.name();
        this.method = documented.method();
        this.path = documented.path();
        List<JsonNode> parameters = new ArrayList<>();
        documented.pathItem().path("parameters").forEach(parameters::add);
        documented.operation().path("parameters").forEach(parameters::add);
        this.parameters = parameters;
        this.bodySchema = documented.operation().path("requestBody").path("content").path("application/json").path("schema");
        this.settings = settings;
        this.examples = new ExampleBodies(components, name,
                field -> realIds.containsKey(field) ? realIds.get(field) : settings.values().get(field));
    }

    private boolean takesBody() {
        return !bodySchema.isMissingNode();
    }

    private boolean declaresConsistencyQuery() {
        return parameters.stream().anyMatch(p -> "query".equals(p.path("in").asText()) && settings.consistencyParameter().equals(p.path("name").asText()));
    }

    boolean hasId() {
        return parameters.stream().anyMatch(p -> !"header".equals(p.path("in").asText()) && realIds.containsKey(p.path("name").asText()));
    }

    /** Whether the own-account pass applies: the operation names the account and something in it. */
    boolean namesAnObjectOfTheAccount() {
        String ownAccountName = settings.ownAccountName();
        return settings.ownAccount() != null && parameters.stream().anyMatch(p -> ownAccountName.equals(p.path("name").asText()))
                && parameters.stream().anyMatch(p -> !"header".equals(p.path("in").asText()) && !ownAccountName.equals(p.path("name").asText())
                        && realIds.containsKey(p.path("name").asText()));
    }

    List<String> missingValues() {
        List<String> missing = new ArrayList<>();
        for (JsonNode parameter : parameters) {
            String in = parameter.path("in").asText();
            boolean needed = "path".equals(in) || parameter.path("required").asBoolean(false) && !"header".equals(in);
            if (needed && valueOf(parameter) == null && !parameter.path("name").asText().equals(settings.consistencyParameter())) {
                missing.add(in + " " + parameter.path("name").asText());
            }
        }
        return missing;
    }

    private String valueOf(JsonNode parameter) {
        String name = parameter.path("name").asText();
        if (realIds.containsKey(name)) {
            return realIds.get(name);
        }
        if (settings.values().containsKey(name)) {
            return settings.values().get(name);
        }
        JsonNode options = examples.resolve(parameter.path("schema")).path("enum");
        return options.isArray() && !options.isEmpty() ? options.get(0).asText() : null;
    }

    List<RequestVariant> variants() {
        List<Body> bodies = takesBody() ? List.of(Body.PLAUSIBLE, Body.EMPTY, Body.BLANK, Body.MALFORMED) : List.of(Body.NONE);
        boolean query = declaresConsistencyQuery();
        List<RequestVariant> variants = new ArrayList<>();
        for (Body body : bodies) {
            variants.add(new RequestVariant("nothing else", false, false, false, false, false, body));
            variants.add(new RequestVariant("If-Match, consistency token" + (query ? " (header and query)" : "") + ", Idempotency-Key",
                    true, true, query, false, true, body));
        }
        Body plausible = bodies.get(0);
        variants.add(new RequestVariant("If-Match", true, false, false, false, false, plausible));
        variants.add(new RequestVariant("consistency token header", false, true, false, false, false, plausible));
        variants.add(new RequestVariant("consistency token far ahead", false, true, query, true, false, plausible));
        if (query) {
            variants.add(new RequestVariant("consistency query parameter", false, false, true, false, false, plausible));
        }
        variants.add(new RequestVariant("Idempotency-Key", false, false, false, false, true, plausible));
        return variants;
    }

    /** The request with the real ids (in the outsider's own account, if {@code own}); the made-up one is the same with each id replaced (madeUp). */
    OracleHttp.Request real(RequestVariant variant, boolean own) {
        String ownAccountName = settings.ownAccountName();
        String ownAccount = settings.ownAccount();
        String consistencyParameter = settings.consistencyParameter();
        String url = path;
        List<String> query = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            String value = own && name.equals(ownAccountName) ? ownAccount : valueOf(parameter);
            switch (in) {
                case "path" -> url = url.replace("{" + name + "}", encode(value));
                case "query" -> {
                    if (value != null && !name.equals(consistencyParameter)) {
                        query.add(encode(name) + "=" + encode(value));
                    }
                }
                case "header" -> {
                    if (value != null && !OWN_HEADERS.contains(name.toLowerCase())) {
                        headers.put(name, value);
                    }
                }
                default -> {
                }
            }
        }
        String consistency = variant.tokenAhead() ? ahead(settings.consistencyToken()) : settings.consistencyToken();
        if (own && realIds.containsKey(ownAccountName)) {
            // the same token in both requests of the pass: it names the account they are sent to
            consistency = consistency.replace(realIds.get(ownAccountName), ownAccount);
        }
        if (variant.tokenQuery()) {
            query.add(encode(consistencyParameter) + "=" + encode(consistency));
        }
        if (variant.tokenHeader()) {
            headers.put(CONSISTENCY_HEADER, consistency);
        }
        if (variant.ifMatch()) {
            headers.put("If-Match", settings.ifMatch());
        }
        if (variant.idempotencyKey()) {
            headers.put("Idempotency-Key", UUID.randomUUID().toString());
        }
        headers.put("Authorization", "Bearer " + settings.token());
        headers.put("Accept", "application/json");
        headers.put("X-Correlation-Id", UUID.randomUUID().toString());
        String body = switch (variant.body()) {
            case NONE -> null;
            case PLAUSIBLE -> examples.example(bodySchema, false, 0).toString();
            case EMPTY -> "{}";
            case BLANK -> examples.example(bodySchema, true, 0).toString();
            case MALFORMED -> "{\"";
        };
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return new OracleHttp.Request(method, settings.baseUrl() + url + (query.isEmpty() ? "" : "?" + String.join("&", query)), headers, body);
    }

    private static String ahead(String token) {
        int dot = token.lastIndexOf('.');
        return token.substring(0, dot + 1) + (Long.parseLong(token.substring(dot + 1)) + AHEAD);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
