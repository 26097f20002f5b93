package com.example.accounts.contract;

import com.example.accounts.contract.InviteEmailRequest.SealedUrl;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The invite-emails topic's message (NTF-3) and the seal of its URL (INV-2), held to their schema. */
class InviteEmailContractTest {

    private static final String KEY = Base64.getEncoder().encodeToString("test-only-invite-url-key-0000000".getBytes());
    private static final String NEXT_KEY = Base64.getEncoder().encodeToString("test-only-invite-url-key-1111111".getBytes());
    private static final String URL = "https://support.example/guest/invites/Zm9vYmFyYmF6cXV4LXRva2VuLW9mLTQzLWNoYXJhY3RlcnM";

    private final UUID account = UUID.randomUUID();
    private final UUID invite = UUID.randomUUID();

    private InviteEmailRequest request(SealedUrl sealed) {
        return new InviteEmailRequest(account, UUID.randomUUID(), invite, UUID.randomUUID(), "Vera@Vendor.example", "Vera", null, "Vendor",
                Instant.parse("2026-11-25T12:00:00Z"), sealed, "de");
    }

    @Test
    void INV2_theSchemaHasExactlyTheFieldsOfTheRecordAndTheUrlOnlySealed() {
        JsonNode schema = InviteEmailRequest.schema();
        assertEquals(names(InviteEmailRequest.class), fields(schema, "properties"), "the schema's properties against InviteEmailRequest");
        assertEquals(names(InviteEmailRequest.class), required(schema), "every field is required (null where it may be)");
        assertEquals(names(SealedUrl.class), fields(schema.at("/properties/sealedUrl"), "properties"), "sealedUrl against SealedUrl");
        assertFalse(schema.path("additionalProperties").asBoolean(true), "nothing else travels, no URL in clear");

        SealedUrl sealed = InviteUrlSeal.of(List.of(KEY)).seal(URL, account, invite, "vera@vendor.example");
        ObjectNode message = EventJson.MAPPER.valueToTree(request(sealed));
        assertEquals(List.of(), InviteEmailRequest.problems(message));
        assertFalse(message.toString().contains(URL.substring(URL.lastIndexOf('/') + 1)), message.toString());
        assertTrue(InviteEmailRequest.problems(message.deepCopy().put("url", URL)).stream().anyMatch(p -> p.contains("url")));
        assertTrue(InviteEmailRequest.problems(message.deepCopy().without("inviteId")).stream().anyMatch(p -> p.contains("inviteId")));
    }

    @Test
    void INV2_aSealedUrlOpensForItsInviteAndRecipientOnlyAndNotWhenAltered() {
        InviteUrlSeal seal = InviteUrlSeal.of(List.of(KEY));
        SealedUrl sealed = seal.seal(URL, account, invite, "Vera@Vendor.example ");
        assertEquals(URL, seal.open(sealed, account, invite, "vera@vendor.example"), "the recipient as the email goes: trimmed, lower case");
        assertNotEquals(sealed.nonce(), seal.seal(URL, account, invite, "vera@vendor.example").nonce(), "a new nonce each time");

        assertUnopened(() -> seal.open(sealed, account, UUID.randomUUID(), "vera@vendor.example"), "another invite");
        assertUnopened(() -> seal.open(sealed, UUID.randomUUID(), invite, "vera@vendor.example"), "another account");
        assertUnopened(() -> seal.open(sealed, account, invite, "mallory@vendor.example"), "another recipient");
        byte[] bytes = Base64.getUrlDecoder().decode(sealed.ciphertext());
        bytes[3] ^= 1;
        assertUnopened(() -> seal.open(new SealedUrl(sealed.keyId(), sealed.nonce(), Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)),
                account, invite, "vera@vendor.example"), "an altered ciphertext");
        InviteUrlSeal.Unopened unknown = assertThrows(InviteUrlSeal.Unopened.class,
                () -> InviteUrlSeal.of(List.of(NEXT_KEY)).open(sealed, account, invite, "vera@vendor.example"));
        assertTrue(unknown.getMessage().contains(sealed.keyId()) && unknown.getMessage().contains(InviteUrlSeal.CONFIG), unknown.getMessage());
    }

    @Test
    void INV2_keysRotateTheFirstSealsEveryOneOpens() {
        SealedUrl old = InviteUrlSeal.of(List.of(KEY)).seal(URL, account, invite, "vera@vendor.example");
        InviteUrlSeal rotated = InviteUrlSeal.of(List.of(NEXT_KEY, KEY));
        assertEquals(URL, rotated.open(old, account, invite, "vera@vendor.example"), "sealed before the rotation, opened after it");
        SealedUrl fresh = rotated.seal(URL, account, invite, "vera@vendor.example");
        assertNotEquals(old.keyId(), fresh.keyId(), "the new key seals");
        assertEquals(URL, InviteUrlSeal.of(List.of(NEXT_KEY)).open(fresh, account, invite, "vera@vendor.example"));
    }

    @Test
    void INV2_aKeyThatIsNot32BytesOfBase64IsRefusedByItsPlaceNeverShown() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> InviteUrlSeal.of(List.of()));
        assertTrue(missing.getMessage().contains(InviteUrlSeal.CONFIG + " is required"), missing.getMessage());
        String shortKey = Base64.getEncoder().encodeToString("sixteen-bytes-xx".getBytes());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> InviteUrlSeal.of(List.of(KEY, shortKey, "not base64!")));
        assertTrue(wrong.getMessage().contains("key 2 is 16 bytes, not 32") && wrong.getMessage().contains("key 3 is not base64"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains(shortKey), "the key itself is never in a message");
    }

    private static void assertUnopened(Runnable open, String what) {
        InviteUrlSeal.Unopened refused = assertThrows(InviteUrlSeal.Unopened.class, open::run, what);
        assertTrue(refused.getMessage().contains("does not open"), what + ": " + refused.getMessage());
    }

    private static Set<String> names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> fields(JsonNode schema, String field) {
        Set<String> names = new TreeSet<>();
        schema.path(field).fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> required(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema.path("required").forEach(name -> names.add(name.asText()));
        return names;
    }
}
