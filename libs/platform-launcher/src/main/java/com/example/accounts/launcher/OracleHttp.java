package com.example.accounts.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** How {@link NonMemberOracle} talks to the service: one request sent as written, its answer as it came, or none. */
final class OracleHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    record Request(String method, String url, Map<String, String> headers, String body) {
    }

    /** The status (-1 for no answer), the headers by lower-case name, the body. */
    record Answer(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    private final Duration timeout;

    OracleHttp(Duration timeout) {
        this.timeout = timeout;
    }

    /** Sends the request without waiting for its answer, so that two can be under way at once. */
    CompletableFuture<HttpResponse<String>> sendAsync(Request request) {
        return HTTP.sendAsync(request(request), HttpResponse.BodyHandlers.ofString());
    }

    Answer send(Request request) {
        return answer(sendAsync(request));
    }

    private HttpRequest request(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url())).timeout(timeout)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach(builder::header);
        return builder.build();
    }

    static Answer answer(CompletableFuture<HttpResponse<String>> sent) {
        try {
            HttpResponse<String> response = sent.get();
            Map<String, String> answered = new LinkedHashMap<>();
            response.headers().map().forEach((name, list) -> answered.put(name.toLowerCase(), String.join(",", list)));
            return new Answer(response.statusCode(), answered, response.body());
        } catch (ExecutionException e) {
            return new Answer(-1, Map.of(), "no answer: " + e.getCause().getClass().getSimpleName() + " " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted", e);
        }
    }
}
