package com.example.accounts.kit;

import com.example.accounts.contract.ConsistencyToken;
import com.example.accounts.kit.command.Done;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CommandAnswerTest {

    private static final ConsistencyToken TOKEN = new ConsistencyToken("account-events", UUID.fromString("0b6c0d59-0b2b-4a3c-9d0b-4f1c1d2e3f40"), 42);
    private static final Done<String, String> DONE = new Done<>("state", 3, List.of("event"), TOKEN);

    @Test
    void anEditAnswersItsBodyWithTheWritesTokenAndTheVersionItLeft() {
        Response response = CommandAnswer.ok(Map.of("name", "Initech")).versioned(DONE).response();
        assertEquals(200, response.getStatus());
        assertEquals(TOKEN.toString(), response.getHeaderString(ConsistencyToken.HEADER));
        assertEquals("3", response.getEntityTag().getValue());
        assertNull(response.getLocation());
        assertEquals(Map.of("name", "Initech"), response.getEntity());
    }

    @Test
    void aCreationAnswersWhereItIsAndAWriteWithoutATokenSaysNone() {
        Response response = CommandAnswer.created(URI.create("/accounts/1"), "body").written(new Done<>("state", 1, List.of(), null)).response();
        assertEquals(201, response.getStatus());
        assertEquals("/accounts/1", response.getLocation().toString());
        assertNull(response.getHeaderString(ConsistencyToken.HEADER));
        assertNull(response.getEntityTag());
    }

    @Test
    void SEC3_theKeptAnswerIsTheOneARetryGetsAgain() {
        Answer kept = CommandAnswer.created(URI.create("/accounts/1"), Map.of("accountId", "1")).versioned(DONE).kept();
        assertEquals(201, kept.status());
        assertEquals("/accounts/1", kept.location());
        assertEquals(3, kept.version());
        assertEquals(TOKEN.toString(), kept.token());
        assertEquals("1", kept.body().get("accountId").asText());
        Response replayed = kept.response();
        assertEquals("3", replayed.getEntityTag().getValue());
        assertEquals(TOKEN.toString(), replayed.getHeaderString(ConsistencyToken.HEADER));
    }

    @Test
    void aRemovalAnswers204WithTheWrite() {
        Response response = CommandAnswer.noContent().versioned(DONE).response();
        assertEquals(204, response.getStatus());
        assertNull(response.getEntity());
        assertEquals(TOKEN.toString(), response.getHeaderString(ConsistencyToken.HEADER));
    }
}
