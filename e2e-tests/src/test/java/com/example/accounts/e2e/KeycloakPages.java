package com.example.accounts.e2e;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Just enough of a browser for Keycloak's own pages: cookies, redirects, and the form of a page. */
final class KeycloakPages {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new Jar())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    /**
     * One host's cookies, Secure ones included: Keycloak marks its login cookies Secure even over plain http on
     * 127.0.0.1, which browsers accept for a loopback address and {@link java.net.CookieManager} does not.
     */
    private static final class Jar extends CookieHandler {
        private final Map<String, String> cookies = new LinkedHashMap<>();

        @Override
        public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            if (cookies.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; "))));
        }

        @Override
        public synchronized void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((header, values) -> {
                if (header != null && header.equalsIgnoreCase("Set-Cookie")) {
                    for (String value : values) {
                        String pair = value.split(";", 2)[0];
                        int equals = pair.indexOf('=');
                        String name = pair.substring(0, equals).trim();
                        String content = pair.substring(equals + 1).trim();
                        boolean expired = content.isEmpty() || value.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
                        if (expired) {
                            cookies.remove(name);
                        } else {
                            cookies.put(name, content);
                        }
                    }
                }
            });
        }
    }

    record Page(URI uri, int status, String html) {
        String formAction() {
            Matcher action = FORM_ACTION.matcher(html);
            if (!action.find()) {
                throw new AssertionError("no form on " + uri + " (" + status + "):\n" + html);
            }
            return action.group(1).replace("&amp;", "&");
        }
    }

    Page get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    /** Posts {@code fields} to the page's form, as a browser submitting it would. */
    Page submit(Page page, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(page.uri().resolve(page.formAction()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(response.uri(), response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError("Keycloak did not answer " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
