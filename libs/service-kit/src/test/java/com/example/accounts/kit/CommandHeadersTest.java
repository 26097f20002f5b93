package com.example.accounts.kit;

import com.example.accounts.eventstore.EventMetadata;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CommandHeadersTest {

    private static CommandHeaders ifMatch(String value) {
        return new CommandHeaders(value, null, null, null);
    }

    @Test
    void ifMatchNamesTheVersionAsTheETagGaveIt() {
        assertEquals(7L, ifMatch("\"7\"").expectedVersion());
        assertEquals(7L, ifMatch("W/\"7\"").expectedVersion());
        assertEquals(12L, ifMatch(" 12 ").expectedVersion());
    }

    @Test
    void noIfMatchOrAStarMatchesAnyVersion() {
        assertNull(ifMatch(null).expectedVersion());
        assertNull(ifMatch(" ").expectedVersion());
        assertNull(ifMatch("*").expectedVersion());
    }

    @Test
    void SEC2_anIfMatchThatIsNoETagIsA400NamingTheHeader() {
        ProblemException refused = assertThrows(ProblemException.class, () -> ifMatch("\"seven\"").expectedVersion());
        assertEquals(400, refused.problem().status());
        assertEquals("SEC-2", refused.problem().rule());
        assertEquals("If-Match", refused.problem().errors().get(0).field());
        assertEquals("must be the account's ETag, e.g. \"7\"", refused.problem().errors().get(0).message());
    }

    @Test
    void EVT2_theEventsOfACommandNameItsCallerAndTheRequestsCorrelationId() {
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        Caller ada = new Caller("login-ada", "ada@example.com", "Ada");
        EventMetadata sent = new CommandHeaders(null, null, null, "req-1").requestedBy(ada, now);
        assertEquals("login-ada", sent.actor());
        assertEquals("req-1", sent.correlationId());
        assertEquals(now, sent.occurredAt());
        assertNotNull(new CommandHeaders(null, null, null, null).requestedBy(ada, now).correlationId(), "a fresh one when none was sent");
    }

    @Test
    void SEC3_anIdempotencyKeyIsTheCallersAndNoneWithoutTheHeader() {
        Caller ada = new Caller("login-ada", "ada@example.com", "Ada");
        assertEquals("login-ada", new CommandHeaders(null, "k-1", null, null).idempotencyKey(ada, "POST /accounts", "{}").orElseThrow().loginId());
        assertEquals(java.util.Optional.empty(), new CommandHeaders(null, null, null, null).idempotencyKey(ada, "POST /accounts", "{}"));
    }
}
