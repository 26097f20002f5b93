package com.example.accounts.notification.delivery;

import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.mailencoder.EmailAddress;
import io.vertx.ext.mail.mailencoder.MailEncoder;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One SMTP conversation per email, that knows how far it got (NTF-5). Whether the server may have the mail depends on
 * that alone: before the final "." of the data it cannot have it, so a conversation that breaks off there is tried
 * again; once the "." went out, a reply lost to a timeout or a dropped connection leaves the mail possibly delivered,
 * and it is never sent again. Vert.x's mail client (behind Quarkus' mailer) fails both the same way, so this client
 * speaks the conversation itself; the MIME message is still Vert.x's encoding of it, and the server's settings are
 * still {@code quarkus.mailer.*}: host, port, tls, start-tls, trust-all, login, username, password, from,
 * bounce-address, own-host-name (the others, DKIM and key or trust stores among them, are not used here).
 */
@ApplicationScoped
public class SmtpClient {

    /** What became of one hand-over. */
    public sealed interface Outcome {
        /** The server answered the data with 2xx: it has the mail. */
        record Taken() implements Outcome {
        }

        /** The server answered with a 4xx or 5xx (at any step, the data's end included): it did not take the mail. */
        record Refused(int code, String reply) implements Outcome {
            public boolean lasting() {
                return code >= 500;
            }
        }

        /** No answer, or the connection lost, before the data was complete: the server cannot have the mail. */
        record NotHandedOver(String reason) implements Outcome {
        }

        /** No answer, or the connection lost, after the data was complete: the server may have the mail. */
        record Unanswered(String reason) implements Outcome {
        }

        /** The email cannot be written as SMTP (an address that is not one): no server will take it. */
        record Unsendable(String reason) implements Outcome {
        }
    }

    private final String host;
    private final int port;
    private final boolean tls;
    private final String startTls;
    private final boolean trustAll;
    private final String login;
    private final Optional<String> username;
    private final Optional<String> password;
    private final String from;
    private final String envelopeFrom;
    private final String ownHostName;

    public SmtpClient(@ConfigProperty(name = "quarkus.mailer.host", defaultValue = "localhost") String host,
                      @ConfigProperty(name = "quarkus.mailer.port") Optional<Integer> port,
                      @ConfigProperty(name = "quarkus.mailer.tls") Optional<Boolean> tls,
                      @ConfigProperty(name = "quarkus.mailer.ssl", defaultValue = "false") boolean ssl,
                      @ConfigProperty(name = "quarkus.mailer.start-tls", defaultValue = "OPTIONAL") String startTls,
                      @ConfigProperty(name = "quarkus.mailer.trust-all", defaultValue = "false") boolean trustAll,
                      @ConfigProperty(name = "quarkus.mailer.login", defaultValue = "NONE") String login,
                      @ConfigProperty(name = "quarkus.mailer.username") Optional<String> username,
                      @ConfigProperty(name = "quarkus.mailer.password") Optional<String> password,
                      @ConfigProperty(name = "quarkus.mailer.from") String from,
                      @ConfigProperty(name = "quarkus.mailer.bounce-address") Optional<String> bounceAddress,
                      @ConfigProperty(name = "quarkus.mailer.own-host-name") Optional<String> ownHostName) {
        this.host = host;
        this.tls = tls.orElse(ssl);
        this.port = port.orElse(this.tls ? 465 : 25);
        this.startTls = startTls.toUpperCase(Locale.ROOT);
        this.trustAll = trustAll;
        this.login = login.toUpperCase(Locale.ROOT);
        this.username = username;
        this.password = password;
        this.from = from;
        this.envelopeFrom = new EmailAddress(bounceAddress.orElse(from)).getEmail();
        this.ownHostName = ownHostName.orElseGet(SmtpClient::localHostName);
    }

    /** Hands the email to the server within {@code timeout}, all of it: connecting, every reply, the data. */
    public Outcome send(String recipient, String subject, String text, String html, String messageId, String language, Duration timeout) {
        String to;
        String message;
        try {
            to = new EmailAddress(recipient).getEmail();
            if (to.chars().anyMatch(c -> c < 0x21 || c == '<' || c == '>' || c > 0x7e)) {
                return new Outcome.Unsendable("not an address the mail can go to: " + recipient);
            }
            MailMessage mail = new MailMessage().setFrom(from).setTo(recipient).setSubject(subject).setText(text).setHtml(html);
            mail.addHeader("Message-ID", messageId).addHeader("Content-Language", language);
            message = new MailEncoder(mail, ownHostName).encode();
        } catch (IllegalArgumentException e) {
            return new Outcome.Unsendable("not an address the mail can go to: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Outcome.Unsendable("the mail cannot be written: " + e);
        }
        try (Conversation conversation = new Conversation(Instant.now().plus(timeout))) {
            return conversation.deliver(to, message, timeout);
        }
    }

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

    private record Reply(int code, List<String> lines) {
        String text() {
            return String.join(" ", lines);
        }
    }

    private final class Conversation implements AutoCloseable {
        private final Instant deadline;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private String step = "connecting";
        /** The final "." of the data went out: from here on the server may have the mail. */
        private boolean handedOver;

        Conversation(Instant deadline) {
            this.deadline = deadline;
        }

        Outcome deliver(String to, String message, Duration timeout) {
            try {
                socket = new Socket();
                socket.connect(new InetSocketAddress(host, port), Math.max(1, remaining()));
                if (tls) {
                    secure();
                }
                use(socket);
                step = "the greeting";
                expect(read(), 220);
                List<String> capabilities = hello();
                if (!tls && !startTls.equals("DISABLED") && capabilities.contains("STARTTLS")) {
                    step = "STARTTLS";
                    command("STARTTLS", 220);
                    secure();
                    capabilities = hello();
                } else if (!tls && startTls.equals("REQUIRED")) {
                    throw new Mismatch("the SMTP server offers no STARTTLS, which quarkus.mailer.start-tls requires");
                }
                if (!login.equals("DISABLED") && username.isPresent() && password.isPresent()) {
                    Optional<String> auth = capabilities.stream().filter(c -> c.startsWith("AUTH ") || c.startsWith("AUTH=")).findFirst();
                    if (auth.isPresent()) {
                        authenticate(auth.get());
                    } else if (login.equals("REQUIRED")) {
                        throw new Mismatch("the SMTP server offers no AUTH, which quarkus.mailer.login requires");
                    }
                }
                step = "MAIL FROM";
                command("MAIL FROM:<" + envelopeFrom + ">", 250);
                step = "RCPT TO";
                command("RCPT TO:<" + to + ">", 250, 251);
                step = "DATA";
                command("DATA", 354);
                step = "the message";
                write(dotStuffed(message));
                step = "the end of the message";
                endData();
                Reply taken = read();
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
            } catch (SocketTimeoutException | Timeout e) {
                return unanswered("the SMTP server did not answer within " + timeout.toSeconds() + " s, at " + step);
            } catch (ConnectException | UnknownHostException e) {
                return unanswered("the SMTP server cannot be reached: " + e.getMessage());
            } catch (IOException | RuntimeException e) {
                return unanswered("the connection to the SMTP server was lost at " + step + " (" + e.getMessage() + ")");
            }
        }

        private Outcome unanswered(String reason) {
            return handedOver ? new Outcome.Unanswered(reason) : new Outcome.NotHandedOver(reason);
        }

        /** EHLO, or HELO for a server that knows no ESMTP; the capabilities it names, upper case. */
        private List<String> hello() throws IOException, Refusal {
            step = "EHLO";
            write("EHLO " + ownHostName + "\r\n");
            Reply reply = read();
            if (reply.code() >= 500 && reply.code() <= 504) {
                step = "HELO";
                command("HELO " + ownHostName, 250);
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
            String user = username.orElseThrow();
            String secret = password.orElseThrow();
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
                write("QUIT\r\n");
            } catch (IOException | RuntimeException e) {
                // taken is taken
            }
        }

        private void command(String line, int... accepted) throws IOException, Refusal {
            write(line + "\r\n");
            expect(read(), accepted);
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

        /** The final "." of the data: once it may have gone out, so may the mail. */
        private void endData() throws IOException {
            if (remaining() <= 0) {
                throw new Timeout();
            }
            handedOver = true;
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        private void write(String text) throws IOException {
            if (remaining() <= 0) {
                throw new Timeout();
            }
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** One reply, all its lines; reading it may take what is left of the deadline, no more. */
        private Reply read() throws IOException {
            List<String> lines = new ArrayList<>();
            while (true) {
                int left = remaining();
                if (left <= 0) {
                    throw new Timeout();
                }
                socket.setSoTimeout(left);
                String line = readLine();
                if (line.length() < 3 || !Character.isDigit(line.charAt(0)) || !Character.isDigit(line.charAt(1)) || !Character.isDigit(line.charAt(2))) {
                    throw new IOException("not an SMTP reply: " + line);
                }
                lines.add(line.length() > 4 ? line.substring(4) : "");
                if (line.length() == 3 || line.charAt(3) != '-') {
                    int code = Integer.parseInt(line.substring(0, 3));
                    lines.set(0, line.substring(0, 3) + (lines.get(0).isEmpty() ? "" : " " + lines.get(0)));
                    return new Reply(code, lines);
                }
            }
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(128);
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    return line.toString(StandardCharsets.UTF_8).stripTrailing();
                }
                if (line.size() < 4096) {
                    line.write(b);
                }
            }
            throw new IOException("the SMTP server closed the connection");
        }

        private void secure() throws IOException {
            SSLSocket secured = (SSLSocket) sslSocketFactory().createSocket(socket, host, port, true);
            secured.setSoTimeout(Math.max(1, remaining()));
            if (!trustAll) {
                var parameters = secured.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                secured.setSSLParameters(parameters);
            }
            secured.startHandshake();
            use(secured);
        }

        private void use(Socket connected) throws IOException {
            socket = connected;
            in = new BufferedInputStream(connected.getInputStream());
            out = connected.getOutputStream();
        }

        private int remaining() {
            return (int) Math.min(Integer.MAX_VALUE, Duration.between(Instant.now(), deadline).toMillis());
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }
    }

    /** The server and this client cannot agree on how to talk (TLS, AUTH), before anything was handed over. */
    private static final class Mismatch extends Exception {
        Mismatch(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The deadline passed between two steps. */
    private static final class Timeout extends IOException {
        Timeout() {
            super("timed out", null);
        }
    }

    private SSLSocketFactory sslSocketFactory() throws IOException {
        if (!trustAll) {
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                    // quarkus.mailer.trust-all: every certificate
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    // quarkus.mailer.trust-all: every certificate
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
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

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
