package com.example.accounts.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * ACC-6's oracle, for every service: a caller who is not a member of an account learns nothing from any operation,
 * whatever the request carries. It reads the running service's OpenAPI document and sends every operation twice as
 * the same outsider (a real token of a member of another account): once with the ids of a real account and its
 * objects, once with made-up ids, the request otherwise the same, byte for byte after the ids. It does so without and
 * with {@code If-Match}, a consistency token (header and query parameter, one the real account reached and one far
 * ahead), an {@code Idempotency-Key}, and with a plausible body, an empty one, one of blank values and a malformed
 * one. Every pair of answers must be identical in status, content type, the headers a probe could read and body.
 *
 * <p>The only values set aside are those that must differ: each id, written back as {@code {name}} in both answers
 * (the real one in the real answer, the made-up one in the other), and the body fields named by {@link #ignoring}.
 * An operation with no id to vary is not probed but must be named, with why, by {@link #notProbed}, so that a new
 * operation is never left out unnoticed.
 */
public final class NonMemberOracle {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** Response headers a prober could read for a difference; the rest (Date, lengths) carry none. */
    private static final List<String> COMPARED_HEADERS = List.of("ETag", "Consistency-Token", "Location", "Retry-After", "WWW-Authenticate",
            "Cache-Control");
    private static final String CONSISTENCY_HEADER = "Consistency-Token";
    /** Headers the oracle itself varies or sets; the document's other header parameters are sent only when given. */
    private static final Set<String> OWN_HEADERS = Set.of("authorization", "if-match", "idempotency-key", "x-correlation-id",
            CONSISTENCY_HEADER.toLowerCase());
    private static final long AHEAD = 1_000_000_000L;
    private static final int IN_FLIGHT = 16;

    private final String baseUrl;
    private final String token;
    /** Each id: where it applies (a part of the path, or null for everywhere), its name, its real and made-up values. */
    private record Id(String under, String name, String real, String madeUp) {
    }

    private final List<Id> ids = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> notProbed = new LinkedHashMap<>();
    private final Set<String> ignored = new LinkedHashSet<>();
    private String ownAccountName;
    private String ownAccount;
    private String consistencyToken;
    private String consistencyParameter = "consistency";
    private String ifMatch = "\"1\"";
    private Duration timeout = Duration.ofSeconds(30);

    private NonMemberOracle(String baseUrl, String token) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    /** The service at {@code baseUrl} (its OpenAPI document at {@code /q/openapi}), asked by the holder of {@code nonMemberToken}. */
    public static NonMemberOracle of(String baseUrl, String nonMemberToken) {
        return new NonMemberOracle(baseUrl, nonMemberToken);
    }

    /**
     * A path, query or body parameter naming something of the real account: {@code real} in the real request, a
     * random id in the made-up one.
     */
    public NonMemberOracle id(String name, Object real) {
        return id(name, real, UUID.randomUUID());
    }

    public NonMemberOracle id(String name, Object real, Object madeUp) {
        ids.add(new Id(null, name, real.toString(), madeUp.toString()));
        return this;
    }

    /** An id that means one thing under a part of the path ({@code "/training-sessions/"}) and another elsewhere. */
    public NonMemberOracle idUnder(String pathPart, String name, Object real) {
        ids.add(0, new Id(pathPart, name, real.toString(), UUID.randomUUID().toString()));
        return this;
    }

    /**
     * The outsider's own account, under the parameter that names accounts: a second pass sends there each operation
     * that also names an object, once with the real account's object ids and once with made-up ones (ACC-6: an id of
     * another account is as unknown as one never issued). Without consistency tokens: there the outsider is a
     * member, for whom a wait is right, and the same for both.
     */
    public NonMemberOracle ownAccount(String name, Object accountId) {
        this.ownAccountName = name;
        this.ownAccount = accountId.toString();
        return this;
    }

    /** A plausible value of a parameter or body field that is no id (a module, a role), the same in both requests. */
    public NonMemberOracle value(String name, String value) {
        values.put(name, value);
        return this;
    }

    /**
     * A consistency token the real account reached; the made-up request carries it with the made-up account id.
     * The service's query parameter for it is {@code consistency} unless {@link #consistencyParameter} says otherwise.
     */
    public NonMemberOracle consistencyToken(String reached) {
        this.consistencyToken = reached;
        return this;
    }

    public NonMemberOracle consistencyParameter(String name) {
        this.consistencyParameter = name;
        return this;
    }

    /** The If-Match sent (default {@code "1"}, a version the real account has left, so a check of it would answer 412). */
    public NonMemberOracle ifMatch(String etag) {
        this.ifMatch = etag;
        return this;
    }

    /** An operation ({@code "POST /accounts"}) with no id to vary, and why it is not probed. */
    public NonMemberOracle notProbed(String operation, String why) {
        notProbed.put(operation, why);
        return this;
    }

    /** Body fields whose values necessarily differ between two answers (a correlation id), left out of the compare. */
    public NonMemberOracle ignoring(String... fields) {
        ignored.addAll(List.of(fields));
        return this;
    }

    /** How long one answer may take before the oracle gives up on it (default 30 s). */
    public NonMemberOracle timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** What the probe found: the operations it probed, the pairs of requests it sent, and each difference. */
    public record Findings(List<String> probed, Map<String, String> notProbed, int pairs, List<String> leaks) {

        /** Fails naming every difference (and every operation the oracle could not probe). */
        public Findings assertNone() {
            if (!leaks.isEmpty()) {
                throw new AssertionError("ACC-6: a non-member tells real ids from made-up ones in " + leaks.size() + " of " + pairs
                        + " pairs of requests over " + probed.size() + " operations:\n  " + String.join("\n  ", leaks));
            }
            return this;
        }
    }

    /** Reads the document and sends every pair. */
    public Findings probe() {
        if (ids.isEmpty() || consistencyToken == null) {
            throw new IllegalStateException("the oracle needs the real account's ids and a consistency token it reached");
        }
        // the document too needs a token (SEC-1, deny by default)
        JsonNode document = send("GET", baseUrl + "/q/openapi?format=json", Map.of("Accept", "application/json", "Authorization", "Bearer " + token),
                null).json();
        JsonNode components = document.path("components").path("schemas");
        List<String> probed = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<Callable<String>> pairs = new ArrayList<>();
        for (DocumentedOperation documented : DocumentedOperation.of(document)) {
            String name = documented.name();
            seen.add(name);
            List<JsonNode> parameters = new ArrayList<>();
            documented.pathItem().path("parameters").forEach(parameters::add);
            documented.operation().path("parameters").forEach(parameters::add);
            Operation op = new Operation(name, documented.method(), documented.path(), parameters,
                    documented.operation().path("requestBody").path("content").path("application/json").path("schema"), components);
            if (notProbed.containsKey(name)) {
                continue;
            }
            if (!op.hasId()) {
                leaks.add(name + ": has no id the oracle knows to vary; give it with id(..) or name it with notProbed(.., why)");
                continue;
            }
            List<String> missing = op.missingValues();
            if (!missing.isEmpty()) {
                leaks.add(name + ": no value for " + missing + "; give them with id(..) or value(..)");
                continue;
            }
            probed.add(name);
            for (Variant variant : op.variants()) {
                pairs.add(() -> compare(op, variant, false));
                // in its own account the outsider is a member, who may rightly wait for a token: the same wait for both
                if (op.namesAnObjectOfTheAccount() && !variant.tokenHeader() && !variant.tokenQuery()) {
                    pairs.add(() -> compare(op, variant, true));
                }
            }
        }
        for (String named : notProbed.keySet()) {
            if (!seen.contains(named)) {
                leaks.add(named + ": named as not probed but not in the document");
            }
        }
        leaks.addAll(sendAll(pairs));
        return new Findings(probed, Map.copyOf(notProbed), pairs.size(), leaks);
    }

    /**
     * The pairs, several at a time: a token far ahead makes both answers wait the service's whole bound, and that
     * waiting is idle. The differences in the order of the pairs.
     */
    private static List<String> sendAll(List<Callable<String>> pairs) {
        ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
        try {
            List<String> leaks = new ArrayList<>();
            for (Future<String> pair : pool.invokeAll(pairs)) {
                String leak = pair.get();
                if (leak != null) {
                    leaks.add(leak);
                }
            }
            return leaks;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted", e);
        } catch (ExecutionException e) {
            throw new LaunchException("a pair of requests failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One way of sending an operation: which headers and query parameters it carries, and which body. */
    private record Variant(String label, boolean ifMatch, boolean tokenHeader, boolean tokenQuery, boolean tokenAhead, boolean idempotencyKey,
                           Body body) {
    }

    private enum Body { NONE, PLAUSIBLE, EMPTY, BLANK, MALFORMED }

    private final class Operation {
        final String name;
        final String method;
        final String path;
        final List<JsonNode> parameters;
        final JsonNode bodySchema;
        final JsonNode components;

        /** The real value of each id name on this operation's path. */
        final Map<String, String> realIds = new LinkedHashMap<>();

        Operation(String name, String method, String path, List<JsonNode> parameters, JsonNode bodySchema, JsonNode components) {
            for (Id id : ids) {
                if (id.under() == null || path.contains(id.under())) {
                    realIds.putIfAbsent(id.name(), id.real());
                }
            }
            this.name = name;
            this.method = method;
            this.path = path;
            this.parameters = parameters;
            this.bodySchema = bodySchema;
            this.components = components;
        }

        boolean takesBody() {
            return !bodySchema.isMissingNode();
        }

        boolean declaresConsistencyQuery() {
            return parameters.stream().anyMatch(p -> "query".equals(p.path("in").asText()) && consistencyParameter.equals(p.path("name").asText()));
        }

        boolean hasId() {
            return parameters.stream().anyMatch(p -> !"header".equals(p.path("in").asText()) && realIds.containsKey(p.path("name").asText()));
        }

        /** Whether the own-account pass applies: the operation names the account and something in it. */
        boolean namesAnObjectOfTheAccount() {
            return ownAccount != null && parameters.stream().anyMatch(p -> ownAccountName.equals(p.path("name").asText()))
                    && parameters.stream().anyMatch(p -> !"header".equals(p.path("in").asText()) && !ownAccountName.equals(p.path("name").asText())
                    && realIds.containsKey(p.path("name").asText()));
        }

        List<String> missingValues() {
            List<String> missing = new ArrayList<>();
            for (JsonNode parameter : parameters) {
                String in = parameter.path("in").asText();
                boolean needed = "path".equals(in) || parameter.path("required").asBoolean(false) && !"header".equals(in);
                if (needed && valueOf(parameter) == null && !parameter.path("name").asText().equals(consistencyParameter)) {
                    missing.add(in + " " + parameter.path("name").asText());
                }
            }
            return missing;
        }

        String valueOf(JsonNode parameter) {
            String name = parameter.path("name").asText();
            if (realIds.containsKey(name)) {
                return realIds.get(name);
            }
            if (values.containsKey(name)) {
                return values.get(name);
            }
            JsonNode options = resolve(parameter.path("schema")).path("enum");
            return options.isArray() && !options.isEmpty() ? options.get(0).asText() : null;
        }

        List<Variant> variants() {
            List<Body> bodies = takesBody() ? List.of(Body.PLAUSIBLE, Body.EMPTY, Body.BLANK, Body.MALFORMED) : List.of(Body.NONE);
            boolean query = declaresConsistencyQuery();
            List<Variant> variants = new ArrayList<>();
            for (Body body : bodies) {
                variants.add(new Variant("nothing else", false, false, false, false, false, body));
                variants.add(new Variant("If-Match, consistency token" + (query ? " (header and query)" : "") + ", Idempotency-Key",
                        true, true, query, false, true, body));
            }
            Body plausible = bodies.get(0);
            variants.add(new Variant("If-Match", true, false, false, false, false, plausible));
            variants.add(new Variant("consistency token header", false, true, false, false, false, plausible));
            variants.add(new Variant("consistency token far ahead", false, true, query, true, false, plausible));
            if (query) {
                variants.add(new Variant("consistency query parameter", false, false, true, false, false, plausible));
            }
            variants.add(new Variant("Idempotency-Key", false, false, false, false, true, plausible));
            return variants;
        }

        /** The request with the real ids (in the outsider's own account, if {@code own}); the made-up one is the same with each id replaced (madeUp). */
        Request real(Variant variant, boolean own) {
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
            String consistency = variant.tokenAhead() ? ahead(consistencyToken) : consistencyToken;
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
                headers.put("If-Match", ifMatch);
            }
            if (variant.idempotencyKey()) {
                headers.put("Idempotency-Key", UUID.randomUUID().toString());
            }
            headers.put("Authorization", "Bearer " + token);
            headers.put("Accept", "application/json");
            headers.put("X-Correlation-Id", UUID.randomUUID().toString());
            String body = switch (variant.body()) {
                case NONE -> null;
                case PLAUSIBLE -> example(bodySchema, false, 0).toString();
                case EMPTY -> "{}";
                case BLANK -> example(bodySchema, true, 0).toString();
                case MALFORMED -> "{\"";
            };
            if (body != null) {
                headers.put("Content-Type", "application/json");
            }
            return new Request(method, baseUrl + url + (query.isEmpty() ? "" : "?" + String.join("&", query)), headers, body);
        }

        /** A body the schema describes, every field filled: plausible values, or blank ones (empty strings and lists, -1). */
        JsonNode example(JsonNode schema, boolean blank, int depth) {
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            JsonNode resolved = resolve(schema);
            if (depth > 6) {
                return nodes.nullNode();
            }
            JsonNode options = resolved.path("enum");
            String type = type(resolved);
            if (options.isArray() && !options.isEmpty()) {
                return blank ? nodes.textNode("") : options.get(0);
            }
            switch (type) {
                case "object" -> {
                    ObjectNode object = nodes.objectNode();
                    for (Iterator<Map.Entry<String, JsonNode>> fields = resolved.path("properties").fields(); fields.hasNext(); ) {
                        Map.Entry<String, JsonNode> field = fields.next();
                        String known = realIds.containsKey(field.getKey()) ? realIds.get(field.getKey()) : values.get(field.getKey());
                        object.set(field.getKey(), known != null && !blank ? nodes.textNode(known) : example(field.getValue(), blank, depth + 1));
                    }
                    return object;
                }
                case "array" -> {
                    ArrayNode array = nodes.arrayNode();
                    if (!blank) {
                        array.add(example(resolved.path("items"), false, depth + 1));
                    }
                    return array;
                }
                case "integer", "number" -> {
                    return nodes.numberNode(blank ? -1 : 1);
                }
                case "boolean" -> {
                    return nodes.booleanNode(!blank);
                }
                default -> {
                    if (blank) {
                        return nodes.textNode("");
                    }
                    return switch (resolved.path("format").asText()) {
                        case "uuid" -> nodes.textNode(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
                        case "date-time" -> nodes.textNode(java.time.Instant.now().plus(Duration.ofHours(1)).toString());
                        case "email" -> nodes.textNode("oracle@example.com");
                        default -> nodes.textNode("Oracle");
                    };
                }
            }
        }

        JsonNode resolve(JsonNode schema) {
            JsonNode current = schema;
            for (int hops = 0; hops < 10; hops++) {
                if (current.has("$ref")) {
                    String ref = current.get("$ref").asText();
                    current = components.path(ref.substring(ref.lastIndexOf('/') + 1));
                } else if (current.has("allOf") && current.get("allOf").size() == 1) {
                    current = current.get("allOf").get(0);
                } else if (current.has("oneOf") || current.has("anyOf")) {
                    current = (current.has("oneOf") ? current.get("oneOf") : current.get("anyOf")).get(0);
                } else {
                    return current;
                }
            }
            return current;
        }

        /** The schema's type; OpenAPI 3.1 may give a list with "null" in it. */
        static String type(JsonNode schema) {
            JsonNode type = schema.path("type");
            if (type.isArray()) {
                for (JsonNode each : type) {
                    if (!"null".equals(each.asText())) {
                        return each.asText();
                    }
                }
            }
            if (type.isTextual()) {
                return type.asText();
            }
            return schema.has("properties") ? "object" : "string";
        }
    }

    private record Request(String method, String url, Map<String, String> headers, String body) {
    }

    private record Answer(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    /** Sends the pair and answers what differs, or null when nothing does. */
    private String compare(Operation op, Variant variant, boolean own) {
        Request real = op.real(variant, own);
        Request madeUp = madeUp(real);
        // both at once, so that neither meets a state the other left (a wait woken, a cache filled)
        var realSent = HTTP.sendAsync(request(real), HttpResponse.BodyHandlers.ofString());
        var madeUpSent = HTTP.sendAsync(request(madeUp), HttpResponse.BodyHandlers.ofString());
        String realAnswer = normalized(answer(realSent), true);
        String madeUpAnswer = normalized(answer(madeUpSent), false);
        if (realAnswer.equals(madeUpAnswer)) {
            return null;
        }
        return op.name + " [" + (own ? "in the outsider's own account, " : "") + variant.label() + ", body " + variant.body().name().toLowerCase() + "]: real ids -> " + shorten(realAnswer)
                + " | made-up ids -> " + shorten(madeUpAnswer);
    }

    private Request madeUp(Request real) {
        Map<String, String> headers = new LinkedHashMap<>();
        real.headers().forEach((name, value) -> headers.put(name, swap(value)));
        // a fresh key and correlation id for the second request, as a prober would send them
        headers.computeIfPresent("X-Correlation-Id", (name, value) -> UUID.randomUUID().toString());
        headers.computeIfPresent("Idempotency-Key", (name, value) -> UUID.randomUUID().toString());
        return new Request(real.method(), swap(real.url()), headers, real.body() == null ? null : swap(real.body()));
    }

    private String swap(String text) {
        String swapped = text;
        for (Id id : ids) {
            swapped = swapped.replace(id.real(), id.madeUp());
        }
        return swapped;
    }

    /** Status, content type, the compared headers and the body, with each id written as {name} and ignored fields left out. */
    private String normalized(Answer answer, boolean real) {
        StringBuilder text = new StringBuilder().append(answer.status());
        for (String header : COMPARED_HEADERS) {
            String value = answer.headers().get(header.toLowerCase());
            if (value != null) {
                text.append(' ').append(header).append('=').append(value);
            }
        }
        String contentType = answer.headers().getOrDefault("content-type", "");
        text.append(' ').append(contentType.split(";")[0].trim()).append(' ');
        String body = answer.body();
        if (!ignored.isEmpty() && !body.isBlank()) {
            try {
                JsonNode tree = JSON.readTree(body);
                drop(tree);
                body = tree.toString();
            } catch (IOException e) {
                // not JSON: compared as it is
            }
        }
        text.append(body);
        String written = text.toString();
        for (Id id : ids) {
            written = written.replace(real ? id.real() : id.madeUp(), "{" + id.name() + "}");
        }
        return written;
    }

    private void drop(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(ignored);
            object.forEach(this::drop);
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::drop);
        }
    }

    private HttpRequest request(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url())).timeout(timeout)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach(builder::header);
        return builder.build();
    }

    private Answer send(String method, String url, Map<String, String> headers, String body) {
        return answer(HTTP.sendAsync(request(new Request(method, url, headers, body)), HttpResponse.BodyHandlers.ofString()));
    }

    private static Answer answer(java.util.concurrent.CompletableFuture<HttpResponse<String>> sent) {
        try {
            HttpResponse<String> response = sent.get();
            Map<String, String> answered = new LinkedHashMap<>();
            response.headers().map().forEach((name, list) -> answered.put(name.toLowerCase(), String.join(",", list)));
            return new Answer(response.statusCode(), answered, response.body());
        } catch (ExecutionException e) {
            return new Answer(-1, Map.of(), "no answer: " + e.getCause().getClass().getSimpleName() + " " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted", e);
        }
    }

    private static String ahead(String token) {
        int dot = token.lastIndexOf('.');
        return token.substring(0, dot + 1) + (Long.parseLong(token.substring(dot + 1)) + AHEAD);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shorten(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }
}
