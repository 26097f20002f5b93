package com.example.accounts.launcher;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * ACC-6's oracle, for every service: a caller who is not a member of an account learns nothing from any operation,
 * whatever the request carries. It reads the running service's OpenAPI document and sends every operation twice as
 * the same outsider (a real token of a member of another account): once with the ids of a real account and its
 * objects, once with made-up ids, the request otherwise the same, byte for byte after the ids. It does so without and
 * with {@code If-Match}, a consistency token (header and query parameter, one the real account reached and one far
 * ahead), an {@code Idempotency-Key}, and with a plausible body, an empty one, one of blank values and a malformed
 * one. Every pair of answers must be identical in status, content type, the headers a probe could read and body.
 *
 * <p>The only values set aside are those that must differ: each id, written back as {@code {name}} in both answers
 * (the real one in the real answer, the made-up one in the other), and the body fields named by {@link #ignoring}.
 * An operation with no id to vary is not probed but must be named, with why, by {@link #notProbed}, so that a new
 * operation is never left out unnoticed.
 *
 * <p>Each operation is read by {@link ProbedOperation} (its bodies by {@link ExampleBodies}), each pair sent and
 * compared by {@link RequestPair}.
 */
public final class NonMemberOracle {

    private static final int IN_FLIGHT = 16;

    private final String baseUrl;
    private final String token;
    private final List<VariedIds.Id> ids = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> notProbed = new LinkedHashMap<>();
    private final Set<String> ignored = new LinkedHashSet<>();
    private String ownAccountName;
    private String ownAccount;
    private String consistencyToken;
    private String consistencyParameter = "consistency";
    private String ifMatch = "\"1\"";
    private Duration timeout = Duration.ofSeconds(30);

    private NonMemberOracle(String baseUrl, String token) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    /** The service at {@code baseUrl} (its OpenAPI document at {@code /q/openapi}), asked by the holder of {@code nonMemberToken}. */
    public static NonMemberOracle of(String baseUrl, String nonMemberToken) {
        return new NonMemberOracle(baseUrl, nonMemberToken);
    }

    /**
     * A path, query or body parameter naming something of the real account: {@code real} in the real request, a
     * random id in the made-up one.
     */
    public NonMemberOracle id(String name, Object real) {
        return id(name, real, UUID.randomUUID());
    }

    public NonMemberOracle id(String name, Object real, Object madeUp) {
        ids.add(new VariedIds.Id(null, name, real.toString(), madeUp.toString()));
        return this;
    }

    /** An id that means one thing under a part of the path ({@code "/training-sessions/"}) and another elsewhere. */
    public NonMemberOracle idUnder(String pathPart, String name, Object real) {
        ids.add(0, new VariedIds.Id(pathPart, name, real.toString(), UUID.randomUUID().toString()));
        return this;
    }

    /**
     * The outsider's own account, under the parameter that names accounts: a second pass sends there each operation
     * that also names an object, once with the real account's object ids and once with made-up ones (ACC-6: an id of
     * another account is as unknown as one never issued). Without consistency tokens: there the outsider is a
     * member, for whom a wait is right, and the same for both.
     */
    public NonMemberOracle ownAccount(String name, Object accountId) {
        this.ownAccountName = name;
        this.ownAccount = accountId.toString();
        return this;
    }

    /** A plausible value of a parameter or body field that is no id (a module, a role), the same in both requests. */
    public NonMemberOracle value(String name, String value) {
        values.put(name, value);
        return this;
    }

    /**
     * A consistency token the real account reached; the made-up request carries it with the made-up account id.
     * The service's query parameter for it is {@code consistency} unless {@link #consistencyParameter} says otherwise.
     */
    public NonMemberOracle consistencyToken(String reached) {
        this.consistencyToken = reached;
        return this;
    }

    public NonMemberOracle consistencyParameter(String name) {
        this.consistencyParameter = name;
        return this;
    }

    /** The If-Match sent (default {@code "1"}, a version the real account has left, so a check of it would answer 412). */
    public NonMemberOracle ifMatch(String etag) {
        this.ifMatch = etag;
        return this;
    }

    /** An operation ({@code "POST /accounts"}) with no id to vary, and why it is not probed. */
    public NonMemberOracle notProbed(String operation, String why) {
        notProbed.put(operation, why);
        return this;
    }

    /** Body fields whose values necessarily differ between two answers (a correlation id), left out of the compare. */
    public NonMemberOracle ignoring(String... fields) {
        ignored.addAll(List.of(fields));
        return this;
    }

    /** How long one answer may take before the oracle gives up on it (default 30 s). */
    public NonMemberOracle timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** What the probe found: the operations it probed, the pairs of requests it sent, and each difference. */
    public record Findings(List<String> probed, Map<String, String> notProbed, int pairs, List<String> leaks) {

        /** Fails naming every difference (and every operation the oracle could not probe). */
        public Findings assertNone() {
            if (!leaks.isEmpty()) {
                throw new AssertionError("ACC-6: a non-member tells real ids from made-up ones in " + leaks.size() + " of " + pairs
                        + " pairs of requests over " + probed.size() + " operations:\n  " + String.join("\n  ", leaks));
            }
            return this;
        }
    }

    /** Reads the document and sends every pair. */
    public Findings probe() {
        if (ids.isEmpty() || consistencyToken == null) {
            throw new IllegalStateException("the oracle needs the real account's ids and a consistency token it reached");
        }
        VariedIds varied = new VariedIds(ids);
        ProbeSettings settings = new ProbeSettings(baseUrl, token, new LinkedHashMap<>(values), ownAccountName, ownAccount, consistencyToken,
                consistencyParameter, ifMatch);
        OracleHttp http = new OracleHttp(timeout);
        RequestPair pair = new RequestPair(varied, new LinkedHashSet<>(ignored), http);
        // the document too needs a token (SEC-1, deny by default)
        JsonNode document = http.send(new OracleHttp.Request("GET", baseUrl + "/q/openapi?format=json",
                Map.of("Accept", "application/json", "Authorization", "Bearer " + token), null)).json();
        JsonNode components = document.path("components").path("schemas");
        List<String> probed = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<Callable<String>> pairs = new ArrayList<>();
        for (DocumentedOperation documented : DocumentedOperation.of(document)) {
            String name = documented.name();
            seen.add(name);
            ProbedOperation op = new ProbedOperation(documented, components, varied, settings);
            if (notProbed.containsKey(name)) {
                continue;
            }
            if (!op.hasId()) {
                leaks.add(name + ": has no id the oracle knows to vary; give it with id(..) or name it with notProbed(.., why)");
                continue;
            }
            List<String> missing = op.missingValues();
            if (!missing.isEmpty()) {
                leaks.add(name + ": no value for " + missing + "; give them with id(..) or value(..)");
                continue;
            }
            probed.add(name);
            for (RequestVariant variant : op.variants()) {
                pairs.add(() -> pair.compare(op, variant, false));
                // in its own account the outsider is a member, who may rightly wait for a token: the same wait for both
                if (op.namesAnObjectOfTheAccount() && !variant.tokenHeader() && !variant.tokenQuery()) {
                    pairs.add(() -> pair.compare(op, variant, true));
                }
            }
        }
        for (String named : notProbed.keySet()) {
            if (!seen.contains(named)) {
                leaks.add(named + ": named as not probed but not in the document");
            }
        }
        leaks.addAll(sendAll(pairs));
        return new Findings(probed, Map.copyOf(notProbed), pairs.size(), leaks);
    }

    /**
     * The pairs, several at a time: a token far ahead makes both answers wait the service's whole bound, and that
     * waiting is idle. The differences in the order of the pairs.
     */
    private static List<String> sendAll(List<Callable<String>> pairs) {
        ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
        try {
            List<String> leaks = new ArrayList<>();
            for (Future<String> pair : pool.invokeAll(pairs)) {
                String leak = pair.get();
                if (leak != null) {
                    leaks.add(leak);
                }
            }
            return leaks;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted", e);
        } catch (ExecutionException e) {
            throw new LaunchException("a pair of requests failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
