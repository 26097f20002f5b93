package com.example.accounts.notification.delivery;

import io.vertx.ext.mail.mailencoder.EmailAddress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The SMTP server's settings as {@link SmtpClient} reads them from {@code quarkus.mailer.*}: where the server is, how
 * to secure and log in to it, the envelope's sender and the name this service greets with.
 *
 * @param startTls DISABLED, OPTIONAL or REQUIRED, upper case
 * @param login    DISABLED, NONE or REQUIRED, upper case
 */
record SmtpSettings(String host, int port, boolean tls, String startTls, boolean trustAll, String login, Optional<String> username,
        Optional<String> password, String envelopeFrom, String ownHostName) {

    /** What the mailer's keys leave unsaid, as the mailer reads them: the port from TLS, the envelope's sender from {@code from}. */
    static SmtpSettings of(NotificationConfig.SmtpServer server) {
        boolean secure = server.tls().orElse(server.ssl());
        return new SmtpSettings(server.host(), server.port().orElse(secure ? 465 : 25), secure, server.startTls().toUpperCase(Locale.ROOT),
                server.trustAll(), server.login().toUpperCase(Locale.ROOT), server.username(), server.password(),
                new EmailAddress(server.bounceAddress().orElse(server.from())).getEmail(), server.ownHostName().orElseGet(SmtpSettings::localHostName));
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
