package com.example.accounts.account.api;

import com.example.accounts.launcher.KeycloakServer;
import com.example.accounts.launcher.LaunchException;
import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.example.accounts.account.api.ApiFixture.openAccount;
import static com.example.accounts.account.api.ApiFixture.token;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The realm as the platform's own code meets it (SEC-1: the tokens every API needs): the front ends' client signs
 * people in only through Keycloak's pages, passwords are guessed a few times at most and are long enough, and
 * account-service's service account edits only the logins it made (USR-2, USR-5). Real Keycloak, real tokens.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "account-service"))
class IdentityProviderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final String GATEWAY_CALLBACK = "http://127.0.0.1:8080/";

    @ConfigProperty(name = "quarkus.oidc.credentials.secret")
    String accountServiceSecret;

    @Test
    void SEC1_webSignsPeopleInOnlyThroughKeycloaksPagesWithPkceAndMintsNoOfflineTokens() throws Exception {
        KeycloakServer keycloak = TestPlatform.get().keycloak();
        LaunchException refused = assertThrows(LaunchException.class,
                () -> Tokens.passwordGrant(keycloak.realmUrl(), "web", Tokens.DEMO_ADMIN, Tokens.DEMO_PASSWORD), "no password on a plain POST");
        assertTrue(refused.getMessage().contains("unauthorized_client"), refused.getMessage());

        Pkce pkce = new Pkce();
        assertTrue(redirectOf(authorize(keycloak, "openid", null)).contains("error=invalid_request"), "no code without PKCE");
        assertTrue(redirectOf(authorize(keycloak, "openid offline_access", pkce)).contains("error=invalid_scope"), "no offline token");

        JsonNode tokens = signInThroughWeb(keycloak, Tokens.DEMO_ADMIN, Tokens.DEMO_PASSWORD, pkce);
        String access = tokens.get("access_token").asText();
        assertEquals("accounts-api", claims(access).get("aud").asText(), "meant for the platform's APIs");
        assertEquals("Refresh", claims(tokens.get("refresh_token").asText()).get("typ").asText(), "an ordinary refresh token, not an offline one");
        openAccount(access, 1);
    }

    @Test
    void SEC1_wrongPasswordsLockALoginForAWhileEvenAgainstTheRightOne() {
        KeycloakServer keycloak = TestPlatform.get().keycloak();
        String email = "locked." + UUID.randomUUID() + "@example.com";
        String loginId = newLogin(email);
        String password = "the-right-password-" + UUID.randomUUID();
        keycloak.setPassword(loginId, password);
        assertNotNull(Tokens.password(keycloak.realmUrl(), email, password), "signs in before");

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThrows(LaunchException.class, () -> Tokens.password(keycloak.realmUrl(), email, "a-wrong-password-guessed"));
        }
        assertThrows(LaunchException.class, () -> Tokens.password(keycloak.realmUrl(), email, password), "locked: the right password is refused too");
        assertTrue(keycloak.user(loginId).get("enabled").asBoolean(), "for a while only: the login stays enabled (no permanent lockout)");
    }

    @Test
    void SEC1_aWeakPasswordIsRefusedByThePolicy() {
        KeycloakServer keycloak = TestPlatform.get().keycloak();
        String email = "weak." + UUID.randomUUID() + "@example.com";
        String loginId = newLogin(email);
        for (String weak : List.of("short-pass", email, email.toUpperCase())) {
            LaunchException refused = assertThrows(LaunchException.class, () -> keycloak.setPassword(loginId, weak), weak);
            assertTrue(refused.getMessage().contains("(400)"), refused.getMessage());
        }
        keycloak.setPassword(loginId, "long-enough-and-not-the-email");
    }

    @Test
    void USR2_USR5_accountServicesServiceAccountEditsTheLoginsItMadeAndNothingElse() throws IOException {
        KeycloakServer keycloak = TestPlatform.get().keycloak();
        String serviceAccount = Tokens.clientCredentials(keycloak.realmUrl(), "account-service", accountServiceSecret);
        String made = newLogin("made." + UUID.randomUUID() + "@example.com");
        String operator = Tokens.subject(token(Tokens.DEMO_OPERATOR));
        String operatorRole = "[" + keycloak.realmRole("platform-operator") + "]";
        String password = "{\"type\": \"password\", \"value\": \"taken-over-" + UUID.randomUUID() + "\", \"temporary\": false}";

        assertEquals(403, keycloak.admin(serviceAccount, "POST", "/users/" + made + "/role-mappings/realm", operatorRole).statusCode(),
                "no realm role for a login it made");
        assertEquals(403, keycloak.admin(serviceAccount, "POST", "/users/" + operator + "/role-mappings/realm", operatorRole).statusCode());
        assertEquals(403, keycloak.admin(serviceAccount, "PUT", "/users/" + operator + "/reset-password", password).statusCode(),
                "no password for a login it did not make");
        assertEquals(403, keycloak.admin(serviceAccount, "PUT", "/users/" + operator, "{\"credentials\": [" + password + "]}").statusCode());
        assertEquals(403, keycloak.admin(serviceAccount, "PUT", "/users/" + operator,
                "{\"email\": \"taken.over." + UUID.randomUUID() + "@example.com\"}").statusCode(), "nor its email");
        assertEquals(403, keycloak.admin(serviceAccount, "PUT", "/users/" + operator + "/groups/" + groupOf(keycloak, serviceAccount, made), null).statusCode(),
                "nor makes it one of its own");
        assertEquals(Tokens.DEMO_OPERATOR, keycloak.user(operator).get("email").asText());
        assertEquals(200, keycloak.admin(serviceAccount, "GET", "/users?exact=true&email=" + Tokens.DEMO_OPERATOR, null).statusCode(),
                "finds any login by its email (USR-2)");
    }

    /** USR-2: a new member's email makes a login; answers its id. */
    private static String newLogin(String email) {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 1);
        return given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"name\": \"Someone\", \"email\": \"" + email + "\", \"role\": \"STANDARD\"}")
                .post("/accounts/" + accountId + "/members").then().statusCode(201).extract().path("loginId");
    }

    private static String groupOf(KeycloakServer keycloak, String token, String loginId) throws IOException {
        return JSON.readTree(keycloak.admin(token, "GET", "/users/" + loginId + "/groups", null).body()).get(0).get("id").asText();
    }

    /** The code verifier and its S256 challenge, as a front end makes them. */
    private record Pkce(String verifier, String challenge) {
        Pkce() {
            this(randomVerifier());
        }

        Pkce(String verifier) {
            this(verifier, s256(verifier));
        }

        private static String randomVerifier() {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }

        private static String s256(String verifier) {
            try {
                return Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static HttpResponse<String> authorize(KeycloakServer keycloak, String scope, Pkce pkce) throws Exception {
        String url = keycloak.realmUrl() + "/protocol/openid-connect/auth?client_id=web&response_type=code&redirect_uri=" + encode(GATEWAY_CALLBACK)
                + "&scope=" + encode(scope) + (pkce == null ? "" : "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256");
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser's sign-in at Keycloak's page for the client web, then the code exchanged with its verifier. */
    private static JsonNode signInThroughWeb(KeycloakServer keycloak, String username, String password, Pkce pkce) throws Exception {
        HttpResponse<String> page = authorize(keycloak, "openid", pkce);
        Matcher action = FORM_ACTION.matcher(page.body());
        assertTrue(action.find(), page.body());
        // Keycloak's login cookies are Secure even on http://127.0.0.1, which java.net's cookie store would drop
        List<String> cookies = new ArrayList<>();
        page.headers().allValues("Set-Cookie").forEach(cookie -> cookies.add(cookie.split(";", 2)[0]));
        HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", String.join("; ", cookies))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password=" + encode(password))).build(),
                HttpResponse.BodyHandlers.ofString());
        String redirect = redirectOf(signedIn);
        assertTrue(redirect.startsWith(GATEWAY_CALLBACK), redirect);
        String code = URLDecoder.decode(redirect.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        HttpResponse<String> exchanged = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=web&code=" + encode(code)
                        + "&redirect_uri=" + encode(GATEWAY_CALLBACK) + "&code_verifier=" + pkce.verifier()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, exchanged.statusCode(), exchanged.body());
        return JSON.readTree(exchanged.body());
    }

    private static String redirectOf(HttpResponse<String> response) {
        assertEquals(302, response.statusCode(), response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
