package com.example.accounts.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GreenMail: an SMTP server that keeps every message it receives and shows them through its REST API
 * ({@code GET /api/user/{email}/messages/INBOX}), so that tests and people can read the mail.
 * It can be stopped and started again on the same ports, as an outage would.
 */
public final class MailServer implements AutoCloseable {

    /** How long a stop waits for the server to end before it is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Installation installation;
    private final Path runDir;
    private final int smtpPort;
    private final int apiPort;
    private ManagedProcess process;
    /** The container GreenMail runs in (platform.servers=containers), else null: a local process. */
    private ServerContainer container;
    private String host = "127.0.0.1";

    private MailServer(Installation installation, Path runDir, int smtpPort, int apiPort) {
        this.installation = installation;
        this.runDir = runDir;
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
    }

    public static MailServer start(Installation installation, Path runDir, Ports ports) {
        MailServer server = new MailServer(installation, runDir, ports.port("smtp"), ports.port("mail-api"));
        server.startProcess();
        return server;
    }

    /** GreenMail from Testcontainers, the same server as the local process, its SMTP and API ports published. */
    static MailServer inContainer() {
        ServerContainer container = ContainerServers.mail();
        MailServer server = new MailServer(null, null, container.port(ContainerServers.SMTP_PORT), container.port(ContainerServers.MAIL_API_PORT));
        server.container = container;
        server.host = container.host();
        return server;
    }

    public synchronized void startProcess() {
        if (container != null) {
            container.startServer(Duration.ofSeconds(60), () -> Net.httpOk(apiUrl() + "/api/service/readiness"));
            return;
        }
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = List.of(Installation.java21().toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + apiPort,
                "-Dgreenmail.auth.disabled",
                "-jar", installation.greenmailJar().toString());
        process = ManagedProcess.start("mail", command, runDir, Map.of(), runDir.resolve("logs"));
        process.awaitReady(Duration.ofSeconds(60), () -> Net.httpOk(apiUrl() + "/api/service/readiness") && Net.listening(smtpPort));
    }

    public synchronized void stopProcess() {
        ServerContainer.stop(container, process, STOP_GRACE);
    }

    public String smtpHost() {
        return host;
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** Every mail received for the address, oldest first, decoded; none when no mail came for it yet. */
    public List<ReceivedMail> inbox(String address) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(apiUrl() + "/api/user/"
                    + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 400) {
                return List.of(); // GreenMail knows a mailbox once mail arrived for it
            }
            if (response.statusCode() != 200) {
                throw new LaunchException("GreenMail answered " + response.statusCode() + " for the inbox of " + address + ": " + response.body());
            }
            List<ReceivedMail> mails = new ArrayList<>();
            for (JsonNode message : JSON.readTree(response.body())) {
                mails.add(ReceivedMail.parse(message.path("subject").asText(), message.path("mimeMessage").asText()));
            }
            return mails;
        } catch (IOException e) {
            throw new LaunchException("cannot read the inbox of " + address + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while reading the inbox of " + address, e);
        }
    }

    /** Base URL of GreenMail's REST API, where the received mail can be read. */
    public String apiUrl() {
        return "http://" + host + ":" + apiPort;
    }

    @Override
    public synchronized void close() {
        ServerContainer.close(container, process, STOP_GRACE);
    }
}
