package com.example.accounts.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@link NonMemberOracle}'s comparison: an operation sent with the real ids and with made-up ones, the same way, and
 * the two answers compared as a prober could read them, each id written back as {@code {name}}.
 */
final class RequestPair {

    /** Response headers a prober could read for a difference; the rest (Date, lengths) carry none. */
    private static final List<String> COMPARED_HEADERS = List.of("ETag", "Consistency-Token", "Location", "Retry-After", "WWW-Authenticate",
            "Cache-Control");

    private final VariedIds ids;
    private final Set<String> ignored;
    private final OracleHttp http;

    /** @param ignored body fields whose values necessarily differ between two answers, left out of the compare */
    RequestPair(VariedIds ids, Set<String> ignored, OracleHttp http) {
        this.ids = ids;
        this.ignored = ignored;
        this.http = http;
    }

    /** Sends the pair and answers what differs, or null when nothing does. */
    String compare(ProbedOperation op, RequestVariant variant, boolean own) {
        OracleHttp.Request real = op.real(variant, own);
        OracleHttp.Request madeUp = madeUp(real);
        // both at once, so that neither meets a state the other left (a wait woken, a cache filled)
        var realSent = http.sendAsync(real);
        var madeUpSent = http.sendAsync(madeUp);
        String realAnswer = normalized(OracleHttp.answer(realSent), true);
        String madeUpAnswer = normalized(OracleHttp.answer(madeUpSent), false);
        if (realAnswer.equals(madeUpAnswer)) {
            return null;
        }
        return op.name + " [" + (own ? "in the outsider's own account, " : "") + variant.label() + ", body " + variant.body().name().toLowerCase()
                + "]: real ids -> " + shorten(realAnswer)
                + " | made-up ids -> " + shorten(madeUpAnswer);
    }

    private OracleHttp.Request madeUp(OracleHttp.Request real) {
        Map<String, String> headers = new LinkedHashMap<>();
        real.headers().forEach((name, value) -> headers.put(name, ids.madeUp(value)));
        // a fresh key and correlation id for the second request, as a prober would send them
        headers.computeIfPresent("X-Correlation-Id", (name, value) -> UUID.randomUUID().toString());
        headers.computeIfPresent("Idempotency-Key", (name, value) -> UUID.randomUUID().toString());
        return new OracleHttp.Request(real.method(), ids.madeUp(real.url()), headers, real.body() == null ? null : ids.madeUp(real.body()));
    }

    /** Status, content type, the compared headers and the body, with each id written as {name} and ignored fields left out. */
    private String normalized(OracleHttp.Answer answer, boolean real) {
        StringBuilder text = new StringBuilder().append(answer.status());
        for (String header : COMPARED_HEADERS) {
            String value = answer.headers().get(header.toLowerCase());
            if (value != null) {
                text.append(' ').append(header).append('=').append(value);
            }
        }
        String contentType = answer.headers().getOrDefault("content-type", "");
        text.append(' ').append(contentType.split(";")[0].trim()).append(' ');
        String body = answer.body();
        if (!ignored.isEmpty() && !body.isBlank()) {
            try {
                JsonNode tree = OracleHttp.JSON.readTree(body);
                drop(tree);
                body = tree.toString();
            } catch (IOException e) {
                // not JSON: compared as it is
            }
        }
        text.append(body);
        return ids.named(text.toString(), real);
    }

    private void drop(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(ignored);
            object.forEach(this::drop);
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::drop);
        }
    }

    private static String shorten(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }
}
