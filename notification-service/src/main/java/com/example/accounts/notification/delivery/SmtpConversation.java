package com.example.accounts.notification.delivery;

import com.example.accounts.notification.delivery.SmtpClient.Outcome;
import com.example.accounts.notification.delivery.SmtpConnection.Reply;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One SMTP conversation, step by step from the greeting to the end of the data, and what became of the mail by the
 * step it reached (NTF-5): a refusal at any step, a failure before the final "." (not handed over) or after it
 * (unanswered, possibly delivered).
 */
final class SmtpConversation {

    /** A reply that says no; the conversation ends with it. */
    private static final class Refusal extends Exception {
        final int code;
        final String reply;

        Refusal(int code, String reply) {
            super(reply, null, false, false);
            this.code = code;
            this.reply = reply;
        }
    }

    /** The server and this client cannot agree on how to talk (TLS, AUTH), before anything was handed over. */
    private static final class Mismatch extends Exception {
        Mismatch(String reason) {
            super(reason, null, false, false);
        }
    }

    private final SmtpSettings settings;
    private final SmtpConnection connection;
    private String step = "connecting";

    SmtpConversation(SmtpSettings settings, SmtpConnection connection) {
        this.settings = settings;
        this.connection = connection;
    }

    Outcome deliver(String to, String message, Duration timeout) {
        try {
            connection.open();
            step = "the greeting";
            expect(connection.read(), 220);
            List<String> capabilities = hello();
            if (!settings.tls() && !settings.startTls().equals("DISABLED") && capabilities.contains("STARTTLS")) {
                step = "STARTTLS";
                command("STARTTLS", 220);
                connection.secure();
                capabilities = hello();
            } else if (!settings.tls() && settings.startTls().equals("REQUIRED")) {
                throw new Mismatch("the SMTP server offers no STARTTLS, which quarkus.mailer.start-tls requires");
            }
            if (!settings.login().equals("DISABLED") && settings.username().isPresent() && settings.password().isPresent()) {
                Optional<String> auth = capabilities.stream().filter(c -> c.startsWith("AUTH ") || c.startsWith("AUTH=")).findFirst();
                if (auth.isPresent()) {
                    authenticate(auth.get());
                } else if (settings.login().equals("REQUIRED")) {
                    throw new Mismatch("the SMTP server offers no AUTH, which quarkus.mailer.login requires");
                }
            }
            step = "MAIL FROM";
            command("MAIL FROM:<" + settings.envelopeFrom() + ">", 250);
            step = "RCPT TO";
            command("RCPT TO:<" + to + ">", 250, 251);
            step = "DATA";
            command("DATA", 354);
            step = "the message";
            connection.write(dotStuffed(message));
            step = "the end of the message";
            connection.endData();
            Reply taken = connection.read();
            if (taken.code() >= 400) {
                throw new Refusal(taken.code(), taken.text()); // the server says it did not take it
            }
            if (taken.code() / 100 != 2) {
                return new Outcome.Unanswered("the SMTP server answered the end of the message with " + taken.text());
            }
            quit();
            return new Outcome.Taken();
        } catch (Refusal refusal) {
            return new Outcome.Refused(refusal.code, refusal.reply);
        } catch (Mismatch mismatch) {
            return new Outcome.NotHandedOver(mismatch.getMessage());
        } catch (SocketTimeoutException | SmtpConnection.Timeout e) {
            return unanswered("the SMTP server did not answer within " + timeout.toSeconds() + " s, at " + step);
        } catch (ConnectException | UnknownHostException e) {
            return unanswered("the SMTP server cannot be reached: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return unanswered("the connection to the SMTP server was lost at " + step + " (" + e.getMessage() + ")");
        }
    }

    private Outcome unanswered(String reason) {
        return connection.handedOver() ? new Outcome.Unanswered(reason) : new Outcome.NotHandedOver(reason);
    }

    /** EHLO, or HELO for a server that knows no ESMTP; the capabilities it names, upper case. */
    private List<String> hello() throws IOException, Refusal {
        step = "EHLO";
        connection.write("EHLO " + settings.ownHostName() + "\r\n");
        Reply reply = connection.read();
        if (reply.code() >= 500 && reply.code() <= 504) {
            step = "HELO";
            command("HELO " + settings.ownHostName(), 250);
            return List.of();
        }
        expect(reply, 250);
        List<String> capabilities = new ArrayList<>();
        for (String line : reply.lines().subList(1, reply.lines().size())) {
            capabilities.add(line.toUpperCase(Locale.ROOT));
        }
        return capabilities;
    }

    private void authenticate(String offered) throws IOException, Refusal, Mismatch {
        step = "AUTH";
        List<String> mechanisms = List.of(offered.substring(5).trim().split("\\s+"));
        String user = settings.username().orElseThrow();
        String secret = settings.password().orElseThrow();
        if (mechanisms.contains("PLAIN")) {
            command("AUTH PLAIN " + base64("\0" + user + "\0" + secret), 235);
        } else if (mechanisms.contains("LOGIN")) {
            command("AUTH LOGIN", 334);
            command(base64(user), 334);
            command(base64(secret), 235);
        } else {
            throw new Mismatch("the SMTP server offers no AUTH mechanism this service speaks (PLAIN, LOGIN): " + offered);
        }
    }

    /** Says goodbye without waiting for the answer: the mail is taken already, and is recorded so at once. */
    private void quit() {
        try {
            connection.write("QUIT\r\n");
        } catch (IOException | RuntimeException e) {
            // taken is taken
        }
    }

    private void command(String line, int... accepted) throws IOException, Refusal {
        connection.write(line + "\r\n");
        expect(connection.read(), accepted);
    }

    private void expect(Reply reply, int... accepted) throws Refusal {
        for (int code : accepted) {
            if (reply.code() == code) {
                return;
            }
        }
        if (reply.code() >= 400) {
            throw new Refusal(reply.code(), reply.text());
        }
        // a 2xx or 3xx where another was due: the server and this client do not follow the same conversation
        throw new Refusal(451, "451 unexpected reply to " + step + ": " + reply.text());
    }

    /** The message with CRLF line ends, a line that starts with "." doubled (RFC 5321 4.5.2), ending with CRLF. */
    static String dotStuffed(String message) {
        StringBuilder data = new StringBuilder(message.length() + 64);
        String body = message.endsWith("\n") ? message.substring(0, message.length() - 1) : message;
        for (String line : body.split("\r?\n", -1)) {
            if (line.startsWith(".")) {
                data.append('.');
            }
            data.append(line).append("\r\n");
        }
        return data.toString();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
