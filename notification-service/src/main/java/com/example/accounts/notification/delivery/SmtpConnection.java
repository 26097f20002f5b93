package com.example.accounts.notification.delivery;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The connection one {@link SmtpConversation} runs on, within one deadline: it writes lines, reads whole replies,
 * secures itself with TLS, and knows whether the final "." of the data may have gone out (NTF-5).
 */
final class SmtpConnection implements AutoCloseable {

    /** One reply, all its lines; the first starts with the code. */
    record Reply(int code, List<String> lines) {
        String text() {
            return String.join(" ", lines);
        }
    }

    /** The deadline passed between two steps. */
    static final class Timeout extends IOException {
        Timeout() {
            super("timed out", null);
        }
    }

    private final SmtpSettings settings;
    private final Instant deadline;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    /** The final "." of the data went out: from here on the server may have the mail. */
    private boolean handedOver;

    SmtpConnection(SmtpSettings settings, Instant deadline) {
        this.settings = settings;
        this.deadline = deadline;
    }

    /** Connects to the server, over TLS from the start when {@code quarkus.mailer.tls} says so. */
    void open() throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(settings.host(), settings.port()), Math.max(1, remaining()));
        if (settings.tls()) {
            secure();
        }
        use(socket);
    }

    boolean handedOver() {
        return handedOver;
    }

    /** The final "." of the data: once it may have gone out, so may the mail. */
    void endData() throws IOException {
        if (remaining() <= 0) {
            throw new Timeout();
        }
        handedOver = true;
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    void write(String text) throws IOException {
        if (remaining() <= 0) {
            throw new Timeout();
        }
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** One reply, all its lines; reading it may take what is left of the deadline, no more. */
    Reply read() throws IOException {
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

    /** TLS over the connection as it is (at the start, or after STARTTLS). */
    void secure() throws IOException {
        SSLSocket secured = (SSLSocket) sslSocketFactory().createSocket(socket, settings.host(), settings.port(), true);
        secured.setSoTimeout(Math.max(1, remaining()));
        if (!settings.trustAll()) {
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

    private SSLSocketFactory sslSocketFactory() throws IOException {
        if (!settings.trustAll()) {
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
}
