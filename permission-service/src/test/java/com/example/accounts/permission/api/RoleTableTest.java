package com.example.accounts.permission.api;

import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static com.example.accounts.permission.api.Story.as;
import static com.example.accounts.permission.api.Story.loginOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** TRN-7's role table, row by row, as checks against the read model fed through Kafka (PRM-6). */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "permission-service"))
class RoleTableTest {

    /**
     * A row: what, the permissions that grant it, then STANDARD, ADMIN, billing contact. The customer / participant /
     * panelist column is "no" on every row the read model decides: a guest has no account, so every check about the
     * account answers 404 (ACC-6), and a guest never hosts. Its one "yes", joining a session, needs no account and no
     * check (SEC-1, session-service).
     */
    private record Row(String what, List<String> permissions, boolean standard, boolean admin, boolean billingContact) {
    }

    private static final List<Row> TRN_7 = List.of(
            // "needs an account": yes for the three member columns, whose checks all answer
            new Row("join sessions (as a member)", List.of("module.training"), true, true, true),
            new Row("host / schedule sessions", List.of("training.session.host", "training.session.schedule"), true, true, true),
            new Row("manage own settings", List.of("profile.manage-own"), true, true, true),
            new Row("add and manage other members", List.of("members.manage"), false, true, true),
            new Row("manage devices and user groups", List.of("devices.manage", "groups.manage"), false, true, true),
            new Row("manage account-wide settings", List.of("account.settings.manage"), false, true, true),
            new Row("change the subscription plan", List.of("subscription.change"), false, false, true),
            new Row("change billing information", List.of("billing.change"), false, false, true));

    @Test
    void TRN7_PRM6_theRoleTableHoldsExactlyAsChecksAgainstTheReadModel() {
        Story story = Story.opened("TRAINING");
        UUID standard = story.member("STANDARD", loginOf(Tokens.DEMO_STANDARD), "Ben");
        UUID admin = story.member("ADMIN", "login-" + UUID.randomUUID(), "Cleo");
        UUID limitedAdmin = story.member("LIMITED_ADMIN", "login-" + UUID.randomUUID(), "Lena");
        UUID observer = story.member("MONITORING_OBSERVER", "login-" + UUID.randomUUID(), "Olga");
        String consistency = story.publish();

        for (Row row : TRN_7) {
            for (String permission : row.permissions()) {
                assertEquals(row.standard(), allowed(story, consistency, permission, standard), row.what() + " / " + permission + ": STANDARD");
                assertEquals(row.admin(), allowed(story, consistency, permission, admin), row.what() + " / " + permission + ": ADMIN");
                assertEquals(row.billingContact(), allowed(story, consistency, permission, story.ada), row.what() + " / " + permission + ": billing contact");
                // customers and participants have no account: the read model knows no such member and answers 404, never yes
                as(Tokens.DEMO_OPERATOR).queryParam("permission", permission).get("/accounts/" + story.account + "/checks")
                        .then().statusCode(404);
            }
        }
        // TRN-1: the admins of the training seed are organizers, limited admins included; observers never host
        for (String permission : List.of("training.session.host", "training.session.schedule")) {
            assertEquals(true, allowed(story, consistency, permission, limitedAdmin), "TRN-1 / " + permission + ": LIMITED_ADMIN");
            assertEquals(false, allowed(story, consistency, permission, observer), "TRN-1 / " + permission + ": MONITORING_OBSERVER");
        }
    }

    private static boolean allowed(Story story, String consistency, String permission, UUID member) {
        return as(Tokens.DEMO_ADMIN).queryParam("consistency", consistency).queryParam("permission", permission)
                .queryParam("member", member.toString()).get("/accounts/" + story.account + "/checks")
                .then().statusCode(200).extract().jsonPath().getBoolean("allowed");
    }
}
