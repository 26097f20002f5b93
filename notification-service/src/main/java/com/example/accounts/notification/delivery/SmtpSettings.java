package com.example.accounts.notification.delivery;

import java.util.Optional;

/**
 * The SMTP server's settings as {@link SmtpClient} read them from {@code quarkus.mailer.*}: where the server is, how
 * to secure and log in to it, the envelope's sender and the name this service greets with.
 *
 * @param startTls DISABLED, OPTIONAL or REQUIRED, upper case
 * @param login    DISABLED, NONE or REQUIRED, upper case
 */
record SmtpSettings(String host, int port, boolean tls, String startTls, boolean trustAll, String login, Optional<String> username,
        Optional<String> password, String envelopeFrom, String ownHostName) {
}
