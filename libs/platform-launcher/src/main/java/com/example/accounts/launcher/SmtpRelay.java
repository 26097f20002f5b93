package com.example.accounts.launcher;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A relay in front of the real SMTP server that can misbehave on request, for tests of what a sender does when SMTP
 * does: it answers a recipient with a reply of the test's choosing (a 4xx or 5xx) instead of passing it on, and it
 * can run an action (kill the sender) at the moment the server has taken a message, before the sender hears so; and
 * for a recipient, once the server has taken a message to it, it can hold the server's {@code 250} back for a while
 * (an answer that comes too late) or hang up instead of passing it on (a connection lost after the hand-over), or
 * leave its {@code RCPT TO} unanswered (a server that stops answering before anything was handed over).
 * Otherwise it passes every byte both ways. While the server is down, it greets with {@code 421} and hangs up.
 */
public final class SmtpRelay implements AutoCloseable {

    private static final Pattern RCPT = Pattern.compile("^RCPT TO:\\s*<([^>]*)>.*", Pattern.CASE_INSENSITIVE);

    private final String host;
    private final int port;
    private final ServerSocket server;
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    /** Per recipient: how long to hold the server's 250 after the data back; {@link #HANG_UP} for never. */
    private final Map<String, Duration> lateTakes = new ConcurrentHashMap<>();
    private static final Duration HANG_UP = Duration.ofMillis(-1);
    private final Set<String> stalls = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Runnable> onTaken = new AtomicReference<>();
    private volatile boolean open = true;

    private SmtpRelay(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().name("smtp-relay").daemon().start(this::accept);
    }

    /** A relay to the SMTP server at host:port, listening on a free local port. */
    public static SmtpRelay to(String host, int port) {
        try {
            return new SmtpRelay(host, port);
        } catch (IOException e) {
            throw new LaunchException("cannot open the SMTP relay: " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Answers {@code RCPT TO:<address>} with this reply (e.g. {@code 550 5.1.1 no such user}) until {@link #pass}. */
    public void refuse(String address, String reply) {
        refusals.put(address.toLowerCase(Locale.ROOT), reply);
    }

    public void pass(String address) {
        refusals.remove(address.toLowerCase(Locale.ROOT));
        lateTakes.remove(address.toLowerCase(Locale.ROOT));
        stalls.remove(address.toLowerCase(Locale.ROOT));
    }

    /**
     * Until {@link #pass}: {@code RCPT TO:<address>} is neither passed on nor answered, so the sender waits in vain
     * before it has handed anything over.
     */
    public void stallAtRecipient(String address) {
        stalls.add(address.toLowerCase(Locale.ROOT));
    }

    /**
     * Until {@link #pass}: when the server has taken a message to the address, its {@code 250} reaches the sender
     * only after {@code delay} (an answer that comes too late, when the delay is longer than the sender waits).
     */
    public void answerLate(String address, Duration delay) {
        lateTakes.put(address.toLowerCase(Locale.ROOT), delay);
    }

    /**
     * Until {@link #pass}: when the server has taken a message to the address, the relay hangs up instead of passing
     * its {@code 250} on. The message was delivered; the sender only knows it handed it over.
     */
    public void hangUpAfterData(String address) {
        lateTakes.put(address.toLowerCase(Locale.ROOT), HANG_UP);
    }

    /**
     * Once, when the server next takes a message (its 250 after the data): runs the action, then drops the
     * connection without passing the 250 on. The sender never learns that its message was taken.
     */
    public void onNextTaken(Runnable action) {
        onTaken.set(action);
    }

    private void accept() {
        while (open) {
            try {
                Socket client = server.accept();
                Thread.ofPlatform().name("smtp-relay-session").daemon().start(() -> relay(client));
            } catch (IOException e) {
                if (open) {
                    Platform.log("SMTP relay: " + e.getMessage());
                }
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket upstream = connect()) {
            if (upstream == null) {
                // what a relay says when the server behind it is down: the sender hears it at once and may try later
                client.getOutputStream().write("421 4.3.2 the mail server is down, try again later\r\n".getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                // the sender reads the greeting before the line goes: it hangs up (QUIT) or is hung up on after 5 s
                client.setSoTimeout(5000);
                client.getInputStream().read(new byte[512]);
                return;
            }
            Session session = new Session(client, upstream);
            Thread replies = Thread.ofPlatform().name("smtp-relay-replies").daemon().start(session::replies);
            session.commands();
            replies.join();
        } catch (IOException | InterruptedException e) {
            // a side closed: the session is over
        }
    }

    private Socket connect() {
        try {
            return new Socket(host, port);
        } catch (IOException e) {
            return null;
        }
    }

    /** One SMTP session: commands from the sender to the server, replies back; both read line by line. */
    private final class Session {
        private final Socket client;
        private final Socket upstream;
        private final OutputStream toClient;
        private volatile boolean dataSent;
        private volatile String recipient;

        Session(Socket client, Socket upstream) throws IOException {
            this.client = client;
            this.upstream = upstream;
            this.toClient = client.getOutputStream();
        }

        void commands() {
            try (InputStream in = new BufferedInputStream(client.getInputStream()); OutputStream out = upstream.getOutputStream()) {
                boolean inData = false;
                byte[] line;
                while ((line = readLine(in)) != null) {
                    String text = new String(line, StandardCharsets.US_ASCII).strip();
                    if (inData) {
                        if (text.equals(".")) {
                            inData = false;
                            dataSent = true;
                        }
                    } else if (text.equalsIgnoreCase("DATA")) {
                        inData = true;
                    } else {
                        Matcher rcpt = RCPT.matcher(text);
                        if (rcpt.matches()) {
                            recipient = rcpt.group(1).toLowerCase(Locale.ROOT);
                        }
                        if (rcpt.matches() && stalls.contains(recipient)) {
                            continue;
                        }
                        String refusal = rcpt.matches() ? refusals.get(recipient) : null;
                        if (refusal != null) {
                            reply((refusal + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            continue;
                        }
                    }
                    out.write(line);
                    out.flush();
                }
            } catch (IOException e) {
                // the sender or the server hung up
            } finally {
                closeBoth();
            }
        }

        void replies() {
            try (InputStream in = new BufferedInputStream(upstream.getInputStream())) {
                byte[] line;
                while ((line = readLine(in)) != null) {
                    String text = new String(line, StandardCharsets.US_ASCII);
                    if (dataSent && text.startsWith("250")) {
                        dataSent = false;
                        Runnable action = onTaken.getAndSet(null);
                        if (action != null) {
                            action.run();
                            closeBoth();
                            return;
                        }
                        Duration late = recipient == null ? null : lateTakes.get(recipient);
                        if (HANG_UP.equals(late)) {
                            closeBoth();
                            return;
                        }
                        if (late != null) {
                            sleep(late);
                        }
                    }
                    // one message, one reply: no pipelining, so each refusal answered here stays in its place
                    reply(text.replace("PIPELINING", "X-RELAYED").getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                // the sender or the server hung up
            } finally {
                closeBoth();
            }
        }

        private synchronized void reply(byte[] bytes) throws IOException {
            toClient.write(bytes);
            toClient.flush();
        }

        private void closeBoth() {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing
            }
            try {
                upstream.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    private static void sleep(Duration delay) throws IOException {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** A line with its CRLF, or null at the end of the stream. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    @Override
    public void close() {
        open = false;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
