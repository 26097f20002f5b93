package com.example.accounts.e2e;

import com.example.accounts.launcher.Platform;
import com.example.accounts.launcher.Platform.Service;
import com.example.accounts.launcher.ReceivedMail;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One slice through everything, for real, as a front end reaches it through the API gateway: a token from
 * Keycloak, an account opened and a member added at account-service, the events through PostgreSQL, the relay and
 * Kafka, a check at permission-service that waits for the command's consistency token, and the NTF-1 email read
 * back from the SMTP server.
 */
class SliceIT {

    private static Platform platform;
    private static String gateway;

    @BeforeAll
    static void startEverything() {
        platform = TestPlatform.get();
        gateway = platform.ensureEveryService().baseUrl();
    }

    /** Where a front end reaches the service: through the API gateway. */
    private static String url(Service service) {
        return gateway + switch (service) {
            case ACCOUNT -> "/api";
            case PERMISSION -> "/api/permissions";
            case SESSION -> "/api/sessions";
            case NOTIFICATION -> "/api/notifications";
        };
    }

    @Test
    void ACC1_USR1_USR2_PRM4_NTF1_openAnAccountAddAMemberCheckAndReadTheEmail() {
        String ada = Tokens.password(platform.keycloak().realmUrl(), Tokens.DEMO_ADMIN, Tokens.DEMO_PASSWORD);
        String accountName = "Slice " + UUID.randomUUID().toString().substring(0, 8);

        String accountId = given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("""
                        {"name": "%s", "plan": {"modules": ["REMOTE_SUPPORT"], "seats": [{"module": "REMOTE_SUPPORT", "seats": 3}]},
                         "admin": {"name": "Ada Admin", "email": "%s"}}""".formatted(accountName, Tokens.DEMO_ADMIN))
                .post(url(Service.ACCOUNT) + "/accounts")
                .then().statusCode(201).extract().path("accountId");

        String email = "newbie." + UUID.randomUUID() + "@example.com";
        Response added = given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"name\": \"Nina Newbie\", \"email\": \"" + email + "\", \"role\": \"STANDARD\"}")
                .post(url(Service.ACCOUNT) + "/accounts/" + accountId + "/members")
                .then().statusCode(201).extract().response();
        String consistency = added.header("Consistency-Token");
        String newMember = added.path("memberId");

        // PRM-4: with the command's token the check sees the write it follows, however fast it is asked.
        given().auth().oauth2(ada).header("Consistency-Token", consistency)
                .queryParam("permission", "members.manage")
                .get(url(Service.PERMISSION) + "/accounts/" + accountId + "/checks")
                .then().statusCode(200).body("allowed", equalTo(true));
        given().auth().oauth2(ada).header("Consistency-Token", consistency)
                .queryParam("permission", "members.manage").queryParam("member", newMember)
                .get(url(Service.PERMISSION) + "/accounts/" + accountId + "/checks")
                .then().statusCode(200).body("allowed", equalTo(false)).body("missing[0]", equalTo("role ADMIN"));

        // NTF-1: the new member is told, by the real SMTP server, with a link to choose a password (USR-2).
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> platform.mail().inbox(email).size() == 1);
        ReceivedMail mail = platform.mail().inbox(email).get(0);
        assertEquals("You were added to " + accountName, mail.subject());
        assertTrue(mail.text().contains("Ada Admin added you to the account \"" + accountName + "\""), mail.text());
        assertTrue(mail.text().contains(platform.keycloak().realmUrl() + "/login-actions/reset-credentials"), mail.text());
        assertTrue(mail.header("Message-ID").matches("<[0-9a-f-]{36}\\.[0-9a-f]{16}@accounts\\.local>"), mail.headers().toString());

        // The link leads to Keycloak's page where the new login chooses its password.
        String link = mail.text().lines().filter(line -> line.contains("/login-actions/reset-credentials")).findFirst().orElseThrow()
                .replaceAll(".*(http\\S+).*", "$1");
        given().redirects().follow(true).get(link).then().statusCode(200).body(containsString("username"));

        // Ada opened the account herself: she is not mailed about being added.
        Response adasMailbox = given().get(platform.mail().apiUrl() + "/api/user/" + Tokens.DEMO_ADMIN + "/messages/INBOX");
        // GreenMail answers 400 "not found" for a mailbox that never received mail.
        assertTrue(adasMailbox.statusCode() == 400 || adasMailbox.jsonPath().getList("subject", String.class).stream()
                .noneMatch(("You were added to " + accountName)::equals), adasMailbox.asString());
    }

    @Test
    void USR2_NTF1_aNewMemberFollowsTheLinkOfTheWelcomeEmailChoosesAPasswordAndSignsIn() {
        String ada = Tokens.password(platform.keycloak().realmUrl(), Tokens.DEMO_ADMIN, Tokens.DEMO_PASSWORD);
        String accountId = given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("""
                        {"name": "Passwords", "plan": {"modules": ["TRAINING"], "seats": []}, "admin": {"name": "Ada Admin", "email": "%s"}}"""
                        .formatted(Tokens.DEMO_ADMIN))
                .post(url(Service.ACCOUNT) + "/accounts").then().statusCode(201).extract().path("accountId");
        String email = "chooser." + UUID.randomUUID() + "@example.com";
        given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"name\": \"Chris Chooser\", \"email\": \"" + email + "\", \"role\": \"STANDARD\"}")
                .post(url(Service.ACCOUNT) + "/accounts/" + accountId + "/members").then().statusCode(201);

        String welcome = mailContaining(email, "/login-actions/reset-credentials");
        String chooseLink = welcome.lines().filter(line -> line.contains("/login-actions/reset-credentials")).findFirst().orElseThrow()
                .replaceAll(".*(http\\S+).*", "$1");
        KeycloakPages browser = new KeycloakPages();
        KeycloakPages.Page asked = browser.submit(browser.get(chooseLink), Map.of("username", email));
        assertTrue(asked.status() < 400, asked.html());

        // Keycloak mails its own link, through the same SMTP server; following it asks for the new password.
        String keycloakMail = mailContaining(email, "/login-actions/action-token");
        String actionLink = keycloakMail.lines().filter(line -> line.contains("/login-actions/action-token")).findFirst().orElseThrow()
                .replaceAll(".*?(http[^\"<>\\s]+).*", "$1").replace("&amp;", "&");
        KeycloakPages.Page form = browser.get(actionLink);
        assertTrue(form.html().contains("password-new"), form.html());
        String password = "Chosen-" + UUID.randomUUID();
        KeycloakPages.Page done = browser.submit(form, Map.of("password-new", password, "password-confirm", password));
        assertTrue(done.status() < 400, done.html());

        String token = Tokens.password(platform.keycloak().realmUrl(), email, password);
        given().auth().oauth2(token).get(url(Service.ACCOUNT) + "/accounts/" + accountId).then().statusCode(200);
    }

    /** The decoded text of the first mail to {@code email} that contains {@code text}, waiting for it to arrive. */
    private static String mailContaining(String email, String text) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> platform.mail().inbox(email).stream().map(ReceivedMail::body)
                .filter(body -> body.contains(text)).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    @Test
    void servicesReportHealthUp() {
        for (Service service : Service.values()) {
            given().get(platform.service(service).baseUrl() + "/q/health").then().statusCode(200).body("status", equalTo("UP"));
        }
    }
}
