package com.example.accounts.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * GreenMail: an SMTP server that keeps every message it receives and shows them through its REST API
 * ({@code GET /api/user/{email}/messages/INBOX}), so that tests and people can read the mail.
 * It can be stopped and started again on the same ports, as an outage would.
 */
public final class MailServer implements AutoCloseable {

    private final Installation installation;
    private final Path runDir;
    private final int smtpPort;
    private final int apiPort;
    private ManagedProcess process;

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

    public synchronized void startProcess() {
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
        if (process != null) {
            process.stop(Duration.ofSeconds(10));
        }
    }

    public String smtpHost() {
        return "127.0.0.1";
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** Base URL of GreenMail's REST API, where the received mail can be read. */
    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    @Override
    public void close() {
        stopProcess();
    }
}
