package com.example.accounts.launcher;

/** What the local run prints and the demo account it creates. */
final class LocalRun {

    private LocalRun() {
    }

    static void start(Platform platform) {
        platform.keycloak();
        platform.postgres();
        platform.kafka();
        for (Platform.Service service : Platform.Service.values()) {
            platform.startService(service, service.localPort, java.util.Map.of());
        }
        System.out.println(serversSummary(platform));
    }

    static String serversSummary(Platform platform) {
        return String.join("\n",
                "",
                "Servers",
                "  Keycloak      " + platform.keycloak().baseUrl() + "  (admin console: admin / admin, realm " + KeycloakServer.REALM + ")",
                "  PostgreSQL    127.0.0.1:" + platform.postgres().port() + "  (user postgres, databases account, permission, session, notification)",
                "  Kafka         " + platform.kafka().bootstrapServers(),
                "  SMTP          127.0.0.1:" + platform.mail().smtpPort() + "  (mail readable at " + platform.mail().apiUrl() + "/api/user/{email}/messages/INBOX)",
                "");
    }
}
