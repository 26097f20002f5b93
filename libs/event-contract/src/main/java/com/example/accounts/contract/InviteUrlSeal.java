package com.example.accounts.contract;

import com.example.accounts.contract.InviteEmailRequest.SealedUrl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * INV-2: the invite URL on its way from session-service to the email, readable by those two services alone. It is
 * sealed with AES-256-GCM under a key only they hold ({@value #CONFIG}), with a random 96-bit nonce, and its
 * associated data are the account, the invite and the recipient: a sealed URL moved to another message, or altered,
 * does not open. Keys rotate: the first of the list seals, every one opens, and the message names the key by an id
 * derived from it (no key is ever written, nor a name for one to be got wrong).
 */
public final class InviteUrlSeal {

    /** The configuration key both services read: base64 of 32 random bytes each, comma separated, the sealing one first. */
    public static final String CONFIG = "platform.invites.url-key";

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();

    /** A sealed URL that does not open here: the reason says why, never what it held. */
    public static final class Unopened extends RuntimeException {
        Unopened(String reason) {
            super(reason, null, false, false);
        }
    }

    private final String sealingKeyId;
    private final Map<String, SecretKeySpec> keys;

    private InviteUrlSeal(String sealingKeyId, Map<String, SecretKeySpec> keys) {
        this.sealingKeyId = sealingKeyId;
        this.keys = keys;
    }

    /** The seal of these keys (base64, standard or URL alphabet); refuses, naming the key's place, one that is not 32 bytes. */
    public static InviteUrlSeal of(List<String> base64Keys) {
        if (base64Keys == null || base64Keys.stream().allMatch(key -> key == null || key.isBlank())) {
            throw new IllegalArgumentException(CONFIG + " is required: base64 of 32 random bytes (e.g. openssl rand -base64 32), the same in "
                    + "session-service and notification-service");
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < base64Keys.size(); i++) {
            String text = base64Keys.get(i) == null ? "" : base64Keys.get(i).strip();
            byte[] key;
            try {
                key = Base64.getDecoder().decode(text.replace('-', '+').replace('_', '/'));
            } catch (IllegalArgumentException e) {
                problems.add("key " + (i + 1) + " is not base64");
                continue;
            }
            if (key.length != KEY_BYTES) {
                problems.add("key " + (i + 1) + " is " + key.length + " bytes, not " + KEY_BYTES);
                continue;
            }
            keys.putIfAbsent(keyId(key), new SecretKeySpec(key, "AES"));
            Arrays.fill(key, (byte) 0);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(CONFIG + ": " + String.join("; ", problems));
        }
        return new InviteUrlSeal(keys.keySet().iterator().next(), Map.copyOf(keys));
    }

    /** The URL sealed for the email of this invite to this recipient. */
    public SealedUrl seal(String url, UUID accountId, UUID inviteId, String recipient) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(sealingKeyId), nonce, accountId, inviteId, recipient);
            byte[] sealed = cipher.doFinal(url.getBytes(StandardCharsets.UTF_8));
            return new SealedUrl(sealingKeyId, B64.encodeToString(nonce), B64.encodeToString(sealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    /** The URL, if it was sealed by one of these keys for this invite and recipient and not altered since; else {@link Unopened}. */
    public String open(SealedUrl sealed, UUID accountId, UUID inviteId, String recipient) {
        if (sealed == null || sealed.keyId() == null || sealed.nonce() == null || sealed.ciphertext() == null) {
            throw new Unopened("the invite URL is not sealed as INV-2 requires");
        }
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new Unopened("the invite URL was sealed with key " + sealed.keyId() + ", which is not one of " + CONFIG + "'s here");
        }
        byte[] nonce;
        byte[] ciphertext;
        try {
            nonce = B64_DECODER.decode(sealed.nonce());
            ciphertext = B64_DECODER.decode(sealed.ciphertext());
        } catch (IllegalArgumentException e) {
            throw new Unopened("the sealed invite URL is not base64url");
        }
        if (nonce.length != NONCE_BYTES) {
            throw new Unopened("the sealed invite URL's nonce is " + nonce.length + " bytes, not " + NONCE_BYTES);
        }
        try {
            return new String(cipher(Cipher.DECRYPT_MODE, key, nonce, accountId, inviteId, recipient).doFinal(ciphertext), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new Unopened("the sealed invite URL does not open: it was altered, or sealed for another invite or recipient");
        } catch (GeneralSecurityException e) {
            throw new Unopened("the sealed invite URL does not open: " + e.getMessage());
        }
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] nonce, UUID accountId, UUID inviteId, String recipient)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData(accountId, inviteId, recipient));
        return cipher;
    }

    /** What a sealed URL is bound to: the topic's format, the account, the invite and the recipient as the email goes (trimmed, lower case). */
    static byte[] associatedData(UUID accountId, UUID inviteId, String recipient) {
        return (Topics.INVITE_EMAILS + " url v1\n" + accountId + "\n" + inviteId + "\n" + (recipient == null ? "" : recipient.strip().toLowerCase(Locale.ROOT)))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A key's id: the first 8 bytes of a hash of it, which says which key sealed a URL and nothing of the key. */
    private static String keyId(byte[] key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("INV-2 invite URL key id\n".getBytes(StandardCharsets.UTF_8));
            return B64.encodeToString(Arrays.copyOf(digest.digest(key), 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
