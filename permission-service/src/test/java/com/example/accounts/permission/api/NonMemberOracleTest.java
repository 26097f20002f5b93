package com.example.accounts.permission.api;

import com.example.accounts.launcher.NonMemberOracle;
import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.example.accounts.permission.api.Story.as;
import static com.example.accounts.permission.api.Story.loginOf;

/** ACC-6 over every operation of the published API: an outsider tells no real account or member from a made-up one. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "permission-service"))
class NonMemberOracleTest {

    @Test
    void ACC6_aNonMemberGetsTheSameAnswerForRealAndMadeUpIdsOnEveryOperation() {
        Story story = Story.opened("REMOTE_SUPPORT");
        UUID member = story.member("STANDARD", "oracle-" + UUID.randomUUID(), "Olive");
        String reached = story.publish();
        // Ben is the outsider: an admin of an account of his own, and of no other here
        Story his = Story.opened("REMOTE_SUPPORT");
        his.member("ADMIN", loginOf(Tokens.DEMO_STANDARD), "Ben");
        String hisToken = his.publish();
        as(Tokens.DEMO_ADMIN).header("Consistency-Token", reached).queryParam("permission", "members.manage")
                .get("/accounts/" + story.account + "/checks").then().statusCode(200);
        as(Tokens.DEMO_STANDARD).header("Consistency-Token", hisToken).queryParam("permission", "members.manage")
                .get("/accounts/" + his.account + "/checks").then().statusCode(200);

        NonMemberOracle.of(ConfigProvider.getConfig().getValue("test.url", String.class), Story.token(Tokens.DEMO_STANDARD))
                .id("accountId", story.account).id("member", member)
                .ownAccount("accountId", his.account)
                .value("permission", "members.manage")
                .consistencyToken(reached)
                .notProbed("GET /read-model/status", "the operators' view of the projection: no account in it")
                .notProbed("POST /read-model/rebuilds", "an operator's rebuild of the whole read model: no account in it")
                .probe().assertNone();
    }
}
