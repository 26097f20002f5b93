package com.example.accounts.kit;

import com.example.accounts.contract.ConsistencyToken;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every service's OpenAPI document says once, instead of on every resource method: how a caller authenticates
 * (a Keycloak access token as a bearer, or Keycloak's authorization code flow with PKCE through the {@code web}
 * client, which Swagger UI signs in with), which operations need no token (the paths the service's own HTTP security
 * permits, {@code quarkus.http.auth.permission.*}: SEC-1's exceptions), and the problem+json answers (RFC 9457) an
 * operation may give by its shape: 401 and 403 where a token is needed, 429 where none is, 400 where it takes
 * parameters or a body, 413 and 422 with a body, 404 with a path parameter, 412 with If-Match. A resource method
 * describes only its own answers (a 409 naming its rule, a 403 saying who may); every error answer, its own too,
 * carries the {@code Problem} schema.
 * <p>
 * It runs at build time (so the document stored in {@code target/openapi} for the generated clients is the same)
 * and again at start, where the authorization URLs are the running configuration's: Keycloak as browsers reach it,
 * {@code platform.openapi.auth-server-url}, else the token issuer a deployment sets ({@code quarkus.oidc.token.issuer}),
 * else {@code quarkus.oidc.auth-server-url}. Its servers are the gateway's
 * prefix for the service ({@code platform.openapi.gateway-prefix}) and the service itself. Running it twice changes
 * nothing more than once.
 */
@OpenApiFilter(stages = {OpenApiFilter.RunStage.BUILD, OpenApiFilter.RunStage.RUNTIME_STARTUP})
public class OpenApiConventions implements OASFilter {

    public static final String BEARER = "bearer";
    public static final String KEYCLOAK = "keycloak";
    /** The public client of the realm that front ends and Swagger UI sign in with (code flow, PKCE). */
    public static final String WEB_CLIENT = "web";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String PERMISSION = "quarkus.http.auth.permission.";
    /** The headers of {@link CommandHeaders}. */
    private static final List<String> COMMAND_HEADERS = List.of(CommandHeaders.IF_MATCH, IdempotencyKey.HEADER, ConsistencyToken.HEADER,
            RequestLog.CORRELATION_HEADER);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Config config = ConfigProvider.getConfig();
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema("Problem", problemSchema());
        components.addSchema("ProblemFieldError", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("a field that is wrong, and why")
                .addProperty("field", string("the field, as the request named it"))
                .addProperty("message", string("what is wrong with it")));
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An access token issued by the platform's Keycloak realm for the audience accounts-api (SEC-1)"));
        authServerUrl(config).ifPresent(realm -> components.addSecurityScheme(KEYCLOAK, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Sign in through Keycloak: authorization code flow with PKCE (S256) for the public client '" + WEB_CLIENT + "'")
                .flows(OASFactory.createOAuthFlows().authorizationCode(OASFactory.createOAuthFlow()
                        .authorizationUrl(realm + "/protocol/openid-connect/auth")
                        .tokenUrl(realm + "/protocol/openid-connect/token")
                        .refreshUrl(realm + "/protocol/openid-connect/token")
                        .scopes(Map.of("openid", "the signed-in person's identity"))))));

        // relative to the document's own URL: through the gateway (/api/docs/<prefix>/openapi) the first, at the service
        // itself (/q/openapi) the second
        config.getOptionalValue("platform.openapi.gateway-prefix", String.class).ifPresent(prefix -> openAPI.setServers(new ArrayList<>(List.of(
                OASFactory.createServer().url(prefix).description("through the API gateway"),
                OASFactory.createServer().url("/").description("the service itself")))));
        List<String> permitted = permittedPaths(config);
        List<String> commandHeaders = config.getOptionalValues("platform.openapi.command-headers", String.class).orElse(COMMAND_HEADERS);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean open = permitted.stream().anyMatch(p -> matches(p, path.getKey()));
            for (Operation operation : path.getValue().getOperations().values()) {
                commandHeaders(operation, commandHeaders);
                document(operation, path.getValue(), open, components.getSecuritySchemes().containsKey(KEYCLOAK));
            }
        }
    }

    /**
     * A method that takes {@link CommandHeaders} is documented with those of its headers that apply to it: the ones
     * the service's commands read ({@code platform.openapi.command-headers}, all by default), If-Match where it edits
     * and Idempotency-Key where it creates (answers 201).
     */
    private static void commandHeaders(Operation operation, List<String> read) {
        if (operation.getParameters() == null) {
            return;
        }
        boolean creates = operation.getResponses() != null && operation.getResponses().hasAPIResponse("201");
        List<Parameter> applying = operation.getParameters().stream().filter(p -> p.getIn() != Parameter.In.HEADER
                || !COMMAND_HEADERS.contains(p.getName()) || read.contains(p.getName())
                        && !(creates && p.getName().equals(CommandHeaders.IF_MATCH)) && (creates || !p.getName().equals(IdempotencyKey.HEADER)))
                .toList();
        if (applying.size() < operation.getParameters().size()) {
            operation.setParameters(new ArrayList<>(applying));
        }
    }

    private static void document(Operation operation, PathItem pathItem, boolean open, boolean keycloak) {
        List<Parameter> parameters = new ArrayList<>();
        Optional.ofNullable(pathItem.getParameters()).ifPresent(parameters::addAll);
        Optional.ofNullable(operation.getParameters()).ifPresent(parameters::addAll);
        boolean body = operation.getRequestBody() != null;
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (open) {
            // no token: an empty requirement list says so, whatever a document-wide one might say
            operation.setSecurity(new ArrayList<>());
            operation.addExtension("x-token-required", false);
            absent(responses, "429", "too many guest requests from this address or for this session (SEC-1); Retry-After says when to try again");
        } else {
            operation.setSecurity(new ArrayList<>(List.of(
                    OASFactory.createSecurityRequirement().addScheme(BEARER))));
            if (keycloak) {
                operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(KEYCLOAK, List.of("openid")));
            }
            absent(responses, "401", "no valid token (SEC-1)");
            absent(responses, "403", "the caller may not do this here");
        }
        if (body || !parameters.isEmpty()) {
            absent(responses, "400", "a malformed parameter, body, unknown field or header (SEC-2)");
        }
        if (body) {
            absent(responses, "413", "a body over 64 KiB (SEC-2)");
            absent(responses, "422", "a rule refused it: the problem's rule names which");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            absent(responses, "404", "nothing of that id for this caller (ACC-6: an outsider learns nothing)");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()))) {
            absent(responses, "412", "If-Match is not the stream's current version (its ETag)");
        }
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if (response.getKey().matches("[45]\\d\\d") && (response.getValue().getContent() == null
                    || response.getValue().getContent().getMediaTypes() == null || response.getValue().getContent().getMediaTypes().isEmpty())) {
                response.getValue().setContent(problem());
            }
        }
    }

    private static void absent(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problem()));
        }
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem: what was refused and why, naming the rule where one refused it")
                .addProperty("type", string("urn:rule:<rule id> for a rule's refusal, else about:blank"))
                .addProperty("title", string("a short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32").description("the HTTP status"))
                .addProperty("detail", string("what is wrong with this request"))
                .addProperty("rule", string("the id of the rule that refused it (USR-1, SEC-2, ...)"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/ProblemFieldError"))
                        .description("each field that is wrong, and why"))
                .required(List.of("title", "status"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    private static Optional<String> authServerUrl(Config config) {
        // the issuer, where a deployment sets it, is the realm at Keycloak's public address (deploy/README.md)
        return config.getOptionalValue("platform.openapi.auth-server-url", String.class)
                .or(() -> config.getOptionalValue("quarkus.oidc.token.issuer", String.class).filter(issuer -> issuer.startsWith("http")))
                .or(() -> config.getOptionalValue("quarkus.oidc.auth-server-url", String.class))
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** The paths this service's HTTP security lets in without a token, as configured: {@code /guest/*}, {@code /q/health}. */
    private static List<String> permittedPaths(Config config) {
        List<String> permitted = new ArrayList<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PERMISSION) && name.endsWith(".paths")) {
                String policy = name.substring(0, name.length() - ".paths".length()) + ".policy";
                if ("permit".equals(config.getOptionalValue(policy, String.class).orElse(""))) {
                    config.getOptionalValues(name, String.class).ifPresent(permitted::addAll);
                }
            }
        }
        return permitted;
    }

    /** Quarkus's path matching for a permission: {@code /guest/*} is every path under /guest, else the path itself. */
    static boolean matches(String pattern, String path) {
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 1);
            return path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1));
        }
        return pattern.equals(path);
    }
}
