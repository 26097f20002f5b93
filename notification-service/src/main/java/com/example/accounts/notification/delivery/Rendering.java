package com.example.accounts.notification.delivery;

import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.InviteEmailRequest.SealedUrl;
import com.example.accounts.contract.InviteUrlSeal;
import com.example.accounts.contract.vocabulary.Language;
import com.example.accounts.notification.domain.Email;
import com.example.accounts.notification.domain.EmailKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a queued email is until its hand-over, and what it becomes then. The queue keeps an email's values (its
 * contents), an invite's URL among them still sealed as session-service sent it (INV-2); the mail is written from
 * them only for the hand-over to SMTP, the URL opened there and kept nowhere, and the contents are dropped once the
 * email is sent or given up ({@link Deliveries}).
 */
@ApplicationScoped
public class Rendering {

    private static final TypeReference<LinkedHashMap<String, Object>> VALUES = new TypeReference<>() {
    };

    private final Templates templates;
    private final InviteUrlSeal seal;

    public Rendering(Templates templates, NotificationConfig.Invites invites) {
        this.templates = templates;
        this.seal = InviteUrlSeal.of(invites.urlKeys());
    }

    /** The contents kept in the queue: the email's values as JSON, an invite's URL sealed. */
    static String contents(Email email) {
        try {
            return EventJson.MAPPER.writeValueAsString(email.values());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the values of a " + email.kind() + " email are not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The mail to hand over; fails with {@link InviteUrlSeal.Unopened} for an invite whose sealed URL does not open
     * here (altered, moved from another invite or recipient, or sealed with a key this service does not have).
     */
    Templates.Rendered render(Deliveries.Claimed claimed) {
        Map<String, Object> values;
        try {
            values = EventJson.MAPPER.readValue(claimed.contents(), VALUES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable contents: " + e.getOriginalMessage(), e);
        }
        EmailKind kind = EmailKind.valueOf(claimed.kind());
        if (kind == EmailKind.EXTERNAL_INVITE) {
            SealedUrl sealed = EventJson.MAPPER.convertValue(values.get("url"), SealedUrl.class);
            values.put("url", seal.open(sealed, claimed.accountId(), claimed.sourceId(), claimed.recipient()));
        }
        return templates.render(new Email(claimed.sourceId(), claimed.accountId(), claimed.recipient(), kind,
                Language.of(claimed.language()).orElse(Language.DEFAULT), values));
    }
}
