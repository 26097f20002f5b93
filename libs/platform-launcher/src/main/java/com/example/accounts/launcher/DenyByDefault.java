package com.example.accounts.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SEC-1 for one service, deny by default: every operation of its OpenAPI document, sent without a token, is refused
 * by the service's HTTP security before any of its code runs (401 with a Bearer challenge), except the operations
 * named as SEC-1's exceptions, which the service itself answers. Health and the API docs (the OpenAPI document,
 * Swagger UI) need none, and no other path of Quarkus's is let in with them.
 */
public final class DenyByDefault {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    /** The API docs, which need no token: the OpenAPI document and Swagger UI. */
    private static final List<String> DOCS = List.of("/q/openapi?format=json", "/q/openapi", "/q/swagger-ui/");
    /** Beside them, paths of Quarkus's that the permission for the docs must not let in. */
    private static final List<String> OTHER_QUARKUS_PATHS = List.of("/q/openapi.json", "/q/swagger-uix", "/q/arc", "/q/dev-ui", "/q/");

    private final String baseUrl;
    private final String token;
    private final Set<String> exceptions = new LinkedHashSet<>();

    private DenyByDefault(String baseUrl, String token) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    /** The service at {@code baseUrl}; {@code token} (anyone's) reads its OpenAPI document as a caller would. */
    public static DenyByDefault of(String baseUrl, String token) {
        return new DenyByDefault(baseUrl, token);
    }

    /** Operations ({@code "POST /guest/support-sessions/join"}) that need no token: SEC-1's exceptions. */
    public DenyByDefault except(String... operations) {
        exceptions.addAll(List.of(operations));
        return this;
    }

    /**
     * What is wrong, one line each: an operation answered without a token, an exception refused for want of one,
     * an exception the document does not have, health or the API docs refused without a token, another path of
     * Quarkus's let in. Empty when the service denies by default.
     */
    public List<String> findings() {
        List<String> findings = new ArrayList<>();
        HttpResponse<String> document = send("GET", "/q/openapi?format=json", token);
        if (document.statusCode() != 200) {
            throw new LaunchException("the OpenAPI document answered " + document.statusCode() + " to a token: " + document.body());
        }
        Set<String> seen = new LinkedHashSet<>();
        for (DocumentedOperation operation : DocumentedOperation.of(json(document.body()))) {
            String name = operation.name();
            seen.add(name);
            HttpResponse<String> answer = send(operation.method(), filled(operation.path(), operation.operation(), operation.pathItem()), null);
            boolean refused = refusedForWantOfAToken(answer);
            if (exceptions.contains(name) && refused) {
                findings.add(name + ": SEC-1 lets it in without a token, yet the service's security refused it");
            } else if (!exceptions.contains(name) && !refused) {
                findings.add(name + ": answered " + answer.statusCode() + " without a token: " + abbreviated(answer.body()));
            }
        }
        exceptions.stream().filter(e -> !seen.contains(e)).forEach(e -> findings.add(e + ": named as an exception, not in the document"));
        for (String docs : DOCS) {
            HttpResponse<String> anonymous = send("GET", docs, null);
            if (anonymous.statusCode() != 200) {
                findings.add("GET " + docs + ": answered " + anonymous.statusCode() + " without a token, the API docs need none");
            }
        }
        for (String other : OTHER_QUARKUS_PATHS) {
            if (!refusedForWantOfAToken(send("GET", other, null))) {
                findings.add("GET " + other + ": not refused without a token, only the API docs and health are let in");
            }
        }
        HttpResponse<String> health = send("GET", "/q/health/ready", null);
        if (health.statusCode() != 200) {
            findings.add("GET /q/health/ready: answered " + health.statusCode() + " without a token, health needs none");
        }
        return findings;
    }

    /** Quarkus's HTTP security refusing an anonymous request: 401 with a Bearer challenge, before any resource ran. */
    private static boolean refusedForWantOfAToken(HttpResponse<String> answer) {
        return answer.statusCode() == 401 && answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")
                && answer.body().isEmpty();
    }

    /** The path with each parameter given a value it accepts: the first of an enum or of a pattern's alternatives, else an id. */
    private static String filled(String path, JsonNode operation, JsonNode pathItem) {
        Matcher parameter = PARAMETER.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(1);
            String value = enumValue(operation.path("parameters"), name);
            if (value == null) {
                value = enumValue(pathItem.path("parameters"), name);
            }
            parameter.appendReplacement(filled, Matcher.quoteReplacement(value != null ? value : UUID.randomUUID().toString()));
        }
        parameter.appendTail(filled);
        return filled.toString();
    }

    private static String enumValue(JsonNode parameters, String name) {
        for (JsonNode p : parameters) {
            if (!name.equals(p.path("name").asText())) {
                continue;
            }
            JsonNode schema = p.path("schema");
            if (schema.path("enum").size() > 0) {
                return schema.path("enum").get(0).asText();
            }
            String first = schema.path("pattern").asText("").split("\\|")[0];
            if (first.matches("[A-Za-z0-9._~-]+")) {
                return first;
            }
        }
        return null;
    }

    private HttpResponse<String> send(String method, String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (method.equals("GET") || method.equals("DELETE")) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LaunchException("cannot reach " + baseUrl + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted", e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new LaunchException("the OpenAPI document is not JSON: " + e.getMessage(), e);
        }
    }

    private static String abbreviated(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
}
