package com.example.accounts.session.api;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.EventJson;
import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.eventstore.EventStore;
import com.example.accounts.eventstore.NewEvent;
import com.example.accounts.kit.command.CommandPipeline;
import com.example.accounts.kit.command.Loaded;
import com.example.accounts.launcher.Platform;
import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import com.example.accounts.session.application.SessionStreams;
import com.example.accounts.session.infrastructure.Passes;
import com.example.accounts.session.support.application.SupportSessions;
import com.example.accounts.session.support.domain.SupportEvent;
import com.example.accounts.session.support.domain.SupportSession;
import com.example.accounts.session.training.application.TrainingSessions;
import com.example.accounts.session.training.domain.TrainingEvent;
import com.example.accounts.session.training.domain.TrainingSession;
import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static com.example.accounts.session.api.AccountStory.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a guest with a code, right or made up, can learn and spend (SUP-2, TRN-6, ACC-6): the same answer for a bad
 * request whatever the code, budgets of wrong codes, codes kept under a keyed hash that lapse with their session, a
 * cap on a training session's participants, and a long session stream read from a snapshot.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = {@ResourceArg(name = "service", value = "session-service"),
        @ResourceArg(name = "needs", value = "permission-service,notification-service")})
class GuestCodesApiTest {

    @Inject
    Pool pool;

    @Inject
    EventStore store;

    @Inject
    SessionStreams streams;

    @Inject
    Passes passes;

    @Inject
    InMemorySpanExporter spans;

    @ConfigProperty(name = "platform.codes.secret")
    String secret;

    @ConfigProperty(name = "platform.training.max-participants")
    int maxParticipants;

    @ConfigProperty(name = "platform.guests.wrong-codes.per-address")
    int wrongCodesPerAddress;

    private record Scheduled(AccountStory story, String consistency, UUID sessionId, String code) {
        String path() {
            return "/accounts/" + story.account + "/training-sessions/" + sessionId;
        }
    }

    private static Scheduled scheduled() {
        AccountStory story = AccountStory.opened("TRAINING");
        String consistency = story.publish();
        Response scheduled = as(Tokens.DEMO_ADMIN, consistency).body(Map.of("coOrganizerMemberIds", List.of()))
                .post("/accounts/" + story.account + "/training-sessions");
        scheduled.then().statusCode(201);
        return new Scheduled(story, consistency, UUID.fromString(scheduled.path("sessionId")), scheduled.path("joinCode"));
    }

    /** An address nobody else in the suite uses: a /64 of its own. */
    private static String network() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "2001:db8:" + Integer.toHexString(random.nextInt(0x10000)) + ":" + Integer.toHexString(random.nextInt(0x10000)) + "::";
    }

    private static String madeUp(String code) {
        String other;
        do {
            other = String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        } while (other.equals(code));
        return other;
    }

    private static Response join(String address, Map<String, ?> body) {
        return given().header("X-Forwarded-For", address).contentType("application/json").body(body).post("/guest/training-sessions/join");
    }

    private static Map<String, Object> body(String code, Object name) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        if (name != null) {
            body.put("name", name);
        }
        return body;
    }

    @Test
    void ACC6_TRN6_aBadNameGetsTheSameAnswerWithARealCodeAndAMadeUpOne() {
        Scheduled session = scheduled();
        String wrong = madeUp(session.code());
        String address = network() + "1";
        for (Object name : new Object[]{"", "   ", "x".repeat(101), null}) {
            Response real = join(address, body(session.code(), name));
            Response madeUp = join(address, body(wrong, name));
            assertEquals(422, real.statusCode(), real.asString());
            assertEquals(real.statusCode(), madeUp.statusCode(), "name " + name + ": " + real.asString() + " / " + madeUp.asString());
            assertEquals(real.asString(), madeUp.asString(), "the body tells the codes apart no more than the status");
        }
        // a good name with the made-up code is the wrong code it is; with the real one, the participant joins
        join(address, body(wrong, "Pia")).then().statusCode(404).body("rule", equalTo("TRN-6"));
        join(address, body(session.code(), "Pia")).then().statusCode(200);
    }

    @Test
    void SUP2_TRN6_wrongCodesAreBudgetedPerAddressByItsSlash64AndASpentBudgetRefusesARealCodeAlike() {
        Scheduled session = scheduled();
        String network = network();
        for (int i = 0; i < wrongCodesPerAddress; i++) {
            join(network + Integer.toHexString(i + 1), body(madeUp(session.code()), "Pia")).then().statusCode(404);
        }
        Response wrong = join(network + "abc", body(madeUp(session.code()), "Pia"));
        Response real = join(network + "abd", body(session.code(), "Pia"));
        assertEquals(429, wrong.statusCode(), wrong.asString());
        assertEquals(429, real.statusCode(), "a spent budget refuses the real code as it does a made-up one: " + real.asString());
        assertNotNull(real.header("Retry-After"));
        assertEquals(wrong.asString().replaceAll("\\d+ s", "N s"), real.asString().replaceAll("\\d+ s", "N s"));
        assertFalse(real.asString().contains(session.code()));
        // another /64 has a budget of its own
        join(network() + "1", body(session.code(), "Pia")).then().statusCode(200);
    }

    @Test
    void SUP2_TRN6_codesAreKeptUnderAKeyedHashLapseWithTheirSessionAndArePrunedOnceLapsed() throws Exception {
        Scheduled session = scheduled();
        Row row = pool.preparedQuery("SELECT hash, expires_at FROM guest_passes WHERE session_id = $1 AND kind = 'TRAINING_CODE'")
                .execute(Tuple.of(session.sessionId())).await().indefinitely().iterator().next();
        assertNotEquals(sha256(session.code()), row.getString("hash"), "a plain hash of a 12-digit code is reversed by trying them all");
        assertEquals(hmac(secret, session.code()), row.getString("hash"));
        Instant lapses = row.getOffsetDateTime("expires_at").toInstant();
        assertTrue(lapses.isAfter(Instant.now().plus(Duration.ofDays(29))) && lapses.isBefore(Instant.now().plus(Duration.ofDays(31))),
                "a training code lapses 30 days after scheduling at the latest: " + lapses);

        String address = network() + "1";
        join(address, body(session.code(), "Pia")).then().statusCode(200);
        as(Tokens.DEMO_ADMIN, session.consistency()).post(session.path() + "/start").then().statusCode(200);
        as(Tokens.DEMO_ADMIN, session.consistency()).post(session.path() + "/end").then().statusCode(200);

        Row ended = pool.preparedQuery("SELECT expires_at FROM guest_passes WHERE session_id = $1 AND kind = 'TRAINING_CODE'")
                .execute(Tuple.of(session.sessionId())).await().indefinitely().iterator().next();
        assertFalse(ended.getOffsetDateTime("expires_at").toInstant().isAfter(Instant.now()), "the code lapsed with its session");
        String wrong = join(address, body(madeUp(session.code()), "Ben")).then().statusCode(404).extract().asString();
        assertEquals(wrong, join(address, body(session.code(), "Ben")).then().statusCode(404).extract().asString());

        // a code kept before hashes were keyed is found by its old plain hash until it lapses
        Scheduled old = scheduled();
        String oldCode = "123" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        pool.preparedQuery("INSERT INTO guest_passes (hash, kind, account_id, session_id, expires_at) VALUES ($1, 'TRAINING_CODE', $2, $3, $4)")
                .execute(Tuple.of(sha256(oldCode), old.story().account, old.sessionId(), Instant.now().plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC)))
                .await().indefinitely();
        join(address, body(oldCode, "Old")).then().statusCode(200).body("sessionId", equalTo(old.sessionId().toString()));

        int pruned = passes.prune(Instant.now()).await().indefinitely();
        assertTrue(pruned >= 2, "the ended session's code and Pia's key, at least: " + pruned);
        assertEquals(0L, count("SELECT count(*) FROM guest_passes WHERE session_id = $1", session.sessionId()), "the ended session's passes are gone");
        assertEquals(0L, count("SELECT count(*) FROM guest_passes WHERE expires_at < now() OR closed_at < now()", null));
        assertEquals(3L, count("SELECT count(*) FROM guest_passes WHERE session_id = $1", old.sessionId()), "a live session keeps both codes and the key");
    }

    @Test
    void TRN6_aTrainingSessionHoldsItsCapAtMostAndItsLongStreamIsReadFromASnapshotThatFoldsAsTheWholeStreamDoes() {
        Scheduled session = scheduled();
        String stream = TrainingSessions.stream(session.sessionId());
        // all but one of the cap joined already, appended as their joins would have
        List<NewEvent> joined = new ArrayList<>();
        for (int i = 0; i < maxParticipants - 1; i++) {
            joined.add(TrainingSessions.AGGREGATE.codec().encode(new TrainingEvent.ParticipantJoined(session.sessionId(), UUID.randomUUID(), "P" + i)));
        }
        store.append(stream, session.story().account, 1, joined, new EventMetadata("participant:test", "cap", "cap", Instant.now()))
                .await().indefinitely();

        String address = network() + "1";
        join(address, body(session.code(), "The last one")).then().statusCode(200);
        join(address, body(session.code(), "One too many")).then().statusCode(409).body("rule", equalTo("TRN-6"))
                .body("detail", containsString("platform.training.max-participants"));
        as(Tokens.DEMO_ADMIN, session.consistency()).get(session.path()).then().statusCode(200)
                .body("participants.size()", equalTo(maxParticipants));

        Loaded<TrainingSession> loaded = streams.load(TrainingSessions.AGGREGATE, stream).await().indefinitely();
        assertTrue(loaded.replayed() < CommandPipeline.SNAPSHOT_EVERY, "folded " + loaded.replayed() + " events after the snapshot");
        assertEquals(1L, count("SELECT count(*) FROM session_snapshots WHERE stream_id = $1", stream));
        List<EventEnvelope> all = store.readStream(stream, 0).await().indefinitely();
        TrainingSession replayed = TrainingSession.evolveAll(TrainingSession.INITIAL, all.stream().map(TrainingSessions.AGGREGATE.codec()::decode).toList());
        assertEquals(replayed, loaded.state(), "the snapshot and the events after it fold as the whole stream does");
        assertEquals(all.size(), loaded.version());
    }

    /**
     * SUP-5: a support session is read back from its snapshot as the phase it is in. A long stream ended by its owner
     * is snapshotted as ended, and the session read from that snapshot is the whole stream's fold: ended, refusing
     * another end as SUP-5's.
     */
    @Test
    void SUP5_aLongSupportSessionStreamIsReadFromASnapshotAsThePhaseItIsIn() {
        AccountStory story = AccountStory.opened("REMOTE_SUPPORT");
        String consistency = story.seat(story.ada, "REMOTE_SUPPORT").publish();
        UUID sessionId = UUID.fromString(SupportSessionApiTest.start(story, Tokens.DEMO_ADMIN, consistency, Map.of("clientVersion", "2.4.0"))
                .then().statusCode(201).extract().path("sessionId"));
        String stream = SupportSessions.stream(sessionId);
        List<NewEvent> asked = new ArrayList<>();
        for (int i = 0; i < CommandPipeline.SNAPSHOT_EVERY + 20; i++) {
            asked.add(SupportSessions.AGGREGATE.codec().encode(new SupportEvent.SupportActionRequested(sessionId, "REMOTE_CONTROL", story.ada, null)));
        }
        asked.add(SupportSessions.AGGREGATE.codec().encode(new SupportEvent.SupportSessionEnded(sessionId)));
        store.append(stream, story.account, 1, asked, new EventMetadata("member:test", "long", "long", Instant.now())).await().indefinitely();

        streams.load(SupportSessions.AGGREGATE, stream).await().indefinitely(); // folds the whole stream, and keeps its snapshot
        assertEquals(1L, count("SELECT count(*) FROM session_snapshots WHERE stream_id = $1", stream));
        Loaded<SupportSession> loaded = streams.load(SupportSessions.AGGREGATE, stream).await().indefinitely();
        assertTrue(loaded.replayed() < CommandPipeline.SNAPSHOT_EVERY, "folded " + loaded.replayed() + " events after the snapshot");
        SupportSession replayed = SupportSession.INITIAL;
        for (EventEnvelope event : store.readStream(stream, 0).await().indefinitely()) {
            replayed = SupportSession.evolve(replayed, SupportSessions.AGGREGATE.codec().decode(event));
        }
        assertInstanceOf(SupportSession.Ended.class, loaded.state());
        assertEquals(replayed, loaded.state(), "the snapshot and the events after it fold as the whole stream does");

        as(Tokens.DEMO_ADMIN, consistency).get(SupportSessionApiTest.sessions(story) + "/" + sessionId).then().statusCode(200).body("ended", equalTo(true));
        as(Tokens.DEMO_ADMIN, consistency).post(SupportSessionApiTest.sessions(story) + "/" + sessionId + "/end").then().statusCode(410)
                .body("rule", equalTo("SUP-5"));
    }

    private long count(String sql, Object parameter) {
        var query = pool.preparedQuery(sql);
        return (parameter == null ? query.execute() : query.execute(Tuple.of(parameter))).await().indefinitely().iterator().next().getLong(0);
    }

    private static String sha256(String code) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
    }

    private static String hmac(String key, String code) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.strip().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(code.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * What the service writes to its log file (JSON, as in production; target/session-service.log in the tests): no
     * line of any request of this run holds a bearer token, a join code, an invite URL or its token, every line of a
     * request is JSON naming its correlation id and trace id, and no span of the redemption holds the token either.
     */
    @Test
    void noLogLineOrSpanHoldsABearerTokenAJoinCodeOrAnInviteAndEveryRequestLineNamesItsCorrelationAndTraceIds() throws Exception {
        String bearer = AccountStory.token(Tokens.DEMO_ADMIN);
        Scheduled session = scheduled();
        String address = network() + "1";
        join(address, body(session.code(), "Pia")).then().statusCode(200);
        join(address, body(madeUp(session.code()), "Pia")).then().statusCode(404);
        InviteApiTest.Scene scene = InviteApiTest.scene(false);
        String url = scene.copyUrl(Tokens.DEMO_ADMIN, "Vera");
        String invite = url.substring(url.lastIndexOf('/') + 1);
        String correlationId = "redeem-" + UUID.randomUUID();
        given().header("X-Correlation-Id", correlationId).post(url).then().statusCode(200);
        given().post(url).then().statusCode(409);
        given().header("X-Correlation-Id", "not a plain token").auth().oauth2(bearer).get(session.path()).then().statusCode(200);

        List<JsonNode> requestLines = new ArrayList<>();
        JsonNode redeemed = null;
        for (String line : Files.readAllLines(Path.of("target/session-service.log"))) {
            for (String secret : List.of(bearer, session.code(), invite, url)) {
                assertFalse(line.contains(secret), "a log line holds a bearer token, join code or invite: " + line);
            }
            JsonNode json = EventJson.MAPPER.readTree(line);
            JsonNode mdc = json.path("mdc");
            if (mdc.has("correlationId") || "request".equals(json.path("loggerName").asText())) {
                requestLines.add(json);
                assertTrue(mdc.path("correlationId").asText().matches("[A-Za-z0-9._:-]{1,128}"), "a request's line names its correlation id: " + line);
                assertTrue(mdc.path("traceId").asText().matches("[0-9a-f]{32}"), "a request's line names its trace id: " + line);
            }
            if (correlationId.equals(mdc.path("correlationId").asText())) {
                redeemed = json;
            }
        }
        assertFalse(requestLines.isEmpty(), "the requests were logged");
        assertNotNull(redeemed, "the redemption's line carries the correlation id it was sent with");
        assertTrue(redeemed.path("message").asText().contains("answered 200"), redeemed.toString());

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<SpanData> redemptions = List.of();
        while (redemptions.isEmpty() && System.nanoTime() < deadline) {
            redemptions = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getKind() == SpanKind.SERVER && span.getName().contains("/guest/invites/")).toList();
            Thread.sleep(50);
        }
        assertFalse(redemptions.isEmpty(), "the redemptions were traced");
        // a command's calls to permission-service carry its trace: their spans, and permission-service's log lines, name it
        String traceId = UUID.randomUUID().toString().replace("-", "");
        as(Tokens.DEMO_ADMIN, session.consistency()).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(Map.of("coOrganizerMemberIds", List.of())).post("/accounts/" + session.story().account + "/training-sessions")
                .then().statusCode(201);
        boolean asked = false;
        boolean callOut = false;
        deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(asked && callOut) && System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(TestPlatform.get().service(Platform.Service.PERMISSION).log())) {
                asked |= line.startsWith("{") && traceId.equals(EventJson.MAPPER.readTree(line).path("mdc").path("traceId").asText());
            }
            callOut = spans.getFinishedSpanItems().stream().anyMatch(span -> span.getTraceId().equals(traceId) && span.getKind() == SpanKind.CLIENT);
            Thread.sleep(100);
        }
        assertTrue(asked, "permission-service answered within the command's trace");
        assertTrue(callOut, "the call out is a client span of the command's trace");
        for (SpanData span : spans.getFinishedSpanItems()) {
            String told = span.getName() + " " + span.getAttributes() + " " + span.getEvents();
            for (String secret : List.of(bearer, session.code(), invite)) {
                assertFalse(told.contains(secret), "a span holds a bearer token, join code or invite token: " + told);
            }
        }
    }
}
