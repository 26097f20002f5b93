package com.example.accounts.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API gateway: Debian's nginx (installed with apt-get where it is missing and we are root) running the one
 * routing table, {@value #TEMPLATE}, rendered with the services' addresses as nginx's image renders it in
 * containers. It runs in the foreground under the launcher like the other servers.
 */
public final class GatewayServer implements AutoCloseable {

    /** The routing table, relative to the project root; docker-compose and Kubernetes use the same file. */
    public static final String TEMPLATE = "deploy/gateway/gateway.conf.template";
    /** The front end's origin the gateway allows (CORS) in the local run and the tests. */
    public static final String LOCAL_FRONT_END = "http://localhost:3000";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

    private final int port;
    private final Path dir;
    private final ManagedProcess process;

    private GatewayServer(int port, Path dir, ManagedProcess process) {
        this.port = port;
        this.dir = dir;
        this.process = process;
    }

    /** Starts nginx on the port, routing to the services at these base URLs ({@code http://host:port}). */
    static GatewayServer start(Installation installation, Path runDir, int port, Map<Platform.Service, String> services) {
        return start(installation, runDir, "gateway", port, services, "");
    }

    /**
     * Starts nginx as {@code name} (its files under {@code runDir/name}), with these directives added to its http
     * context before the routing table.
     */
    static GatewayServer start(Installation installation, Path runDir, String name, int port, Map<Platform.Service, String> services, String http) {
        Path conf = write(installation.root().resolve(TEMPLATE), runDir.resolve(name), port, services, http);
        String problems = test(conf);
        if (problems != null) {
            throw new LaunchException("the gateway's configuration does not pass nginx -t:\n" + problems);
        }
        ManagedProcess process = ManagedProcess.start(name, List.of(nginx().toString(), "-p", conf.getParent().toString(), "-c", conf.toString(),
                "-e", conf.getParent().resolve("error.log").toString()), runDir, Map.of(), runDir.resolve("logs"));
        GatewayServer gateway = new GatewayServer(port, conf.getParent(), process);
        process.awaitReady(Duration.ofSeconds(30), () -> Net.httpOk(gateway.baseUrl() + "/health"));
        return gateway;
    }

    /** Writes nginx.conf (the main context, in the foreground, paths under {@code dir}) and the rendered routing table. */
    static Path write(Path template, Path dir, int port, Map<Platform.Service, String> services) {
        return write(template, dir, port, services, "");
    }

    private static Path write(Path template, Path dir, int port, Map<Platform.Service, String> services, String http) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("GATEWAY_PORT", "127.0.0.1:" + port);
        values.put("CORS_ORIGIN", LOCAL_FRONT_END);
        services.forEach((service, url) -> values.put(service.gatewayVariable(), url.replaceFirst("^https?://", "")));
        try {
            Files.createDirectories(dir.resolve("tmp"));
            String routes = render(Files.readString(template), values);
            Files.writeString(dir.resolve("gateway.conf"), routes);
            Path conf = dir.resolve("nginx.conf");
            Files.writeString(conf, (PostgresServer.isRoot() ? "user root;\n" : "") + """
                    daemon off;
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log warn;
                    events { worker_connections 512; }
                    http {
                        client_body_temp_path %1$s/tmp/body;
                        proxy_temp_path %1$s/tmp/proxy;
                        fastcgi_temp_path %1$s/tmp/fastcgi;
                        uwsgi_temp_path %1$s/tmp/uwsgi;
                        scgi_temp_path %1$s/tmp/scgi;
                    %2$s
                        include %1$s/gateway.conf;
                        access_log %1$s/access.log gateway;
                    }
                    """.formatted(dir.toAbsolutePath(), http.indent(4).stripTrailing()));
            return conf;
        } catch (IOException e) {
            throw new LaunchException("cannot write the gateway's configuration: " + e.getMessage(), e);
        }
    }

    /**
     * The template with each {@code ${NAME}} given a value, as envsubst does for the variables it is given; nginx's
     * own {@code $variables} stay. A placeholder without a value is an error, not an empty string.
     */
    public static String render(String template, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder rendered = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new LaunchException("the gateway template needs ${" + placeholder.group(1) + "}");
            }
            placeholder.appendReplacement(rendered, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(rendered);
        return rendered.toString();
    }

    /**
     * {@code nginx -t} of the template (rendered as for a gateway on a free port in front of services on loopback),
     * written under {@code dir}: null when it passes, else what nginx said.
     */
    public static String testTemplate(Path template, Path dir) {
        Map<Platform.Service, String> services = new LinkedHashMap<>();
        for (Platform.Service service : Platform.Service.values()) {
            services.put(service, "127.0.0.1:" + service.localPort);
        }
        return test(write(template, dir, Net.freePort(), services));
    }

    /** {@code nginx -t} of the configuration: null when it passes, else what nginx said. */
    public static String test(Path conf) {
        try {
            Process check = new ProcessBuilder(nginx().toString(), "-t", "-p", conf.getParent().toString(), "-c", conf.toString(),
                    "-e", conf.getParent().resolve("error.log").toString()).redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes());
            return check.waitFor() == 0 ? null : output;
        } catch (IOException e) {
            throw new LaunchException("cannot run nginx -t: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while testing the gateway's configuration", e);
        }
    }

    /** Debian's nginx, installed where it is missing and we may. */
    static Path nginx() {
        Path nginx = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(nginx) && PostgresServer.isRoot()) {
            DebianPackages.install("nginx", "nginx not found");
        }
        if (!Files.isExecutable(nginx)) {
            throw new LaunchException("nginx is not installed (no /usr/sbin/nginx): apt-get install nginx");
        }
        return nginx;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Everything the gateway logged so far: its error log, its access log and what nginx wrote to stderr. */
    public String logs() {
        StringBuilder all = new StringBuilder();
        for (Path log : List.of(dir.resolve("error.log"), dir.resolve("access.log"), process.log())) {
            try {
                all.append(Files.exists(log) ? Files.readString(log) : "");
            } catch (IOException e) {
                throw new LaunchException("cannot read the gateway's log " + log + ": " + e.getMessage(), e);
            }
        }
        return all.toString();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(10));
    }
}
