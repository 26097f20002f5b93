package com.example.accounts.e2e;

import com.example.accounts.launcher.DenyByDefault;
import com.example.accounts.launcher.Platform;
import com.example.accounts.launcher.Platform.Service;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SEC-1, deny by default, in each service as built (its production configuration): every operation of its OpenAPI
 * document sent without a token is refused by its HTTP security before any of its code runs; health and the API docs
 * (the document, Swagger UI) answer anyone, and no other path of Quarkus's. The only exceptions are session-service's
 * guests: joining as customer or participant, redeeming an invite, and what a joined guest does next with its Guest-Key.
 */
class DenyByDefaultIT {

    private static Platform platform;

    @BeforeAll
    static void services() {
        platform = TestPlatform.get();
        for (Service service : Service.values()) {
            platform.ensureService(service);
        }
    }

    private static List<String> findings(Service service, String... exceptions) {
        return DenyByDefault.of(platform.service(service).baseUrl(), TestPlatform.token(Tokens.DEMO_ADMIN)).except(exceptions).findings();
    }

    @Test
    void SEC1_accountServiceAnswersNothingWithoutAToken() {
        assertEquals(List.of(), findings(Service.ACCOUNT));
    }

    @Test
    void SEC1_permissionServiceAnswersNothingWithoutAToken() {
        assertEquals(List.of(), findings(Service.PERMISSION));
    }

    @Test
    void SEC1_notificationServiceAnswersNothingWithoutAToken() {
        assertEquals(List.of(), findings(Service.NOTIFICATION));
    }

    @Test
    void SEC1_sessionServiceAnswersOnlyItsGuestsWithoutAToken() {
        assertEquals(List.of(), findings(Service.SESSION,
                "POST /guest/support-sessions/join", "GET /guest/support-sessions/join",
                "GET /guest/invites/{token}", "POST /guest/invites/{token}",
                "POST /guest/support-sessions/actions",
                "POST /guest/training-sessions/join", "GET /guest/training-sessions/join",
                "GET /guest/training-sessions/me", "POST /guest/training-sessions/presenter",
                "POST /guest/training-sessions/keyboard", "DELETE /guest/training-sessions/keyboard"));
    }
}
