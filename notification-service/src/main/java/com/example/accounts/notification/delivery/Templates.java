package com.example.accounts.notification.delivery;

import com.example.accounts.contract.vocabulary.Language;
import com.example.accounts.notification.domain.Email;
import com.example.accounts.notification.domain.EmailKind;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;

/**
 * The emails' words: Qute templates {@code templates/emails/<kind>/<language>.subject.txt}, {@code .txt} (the plain
 * part) and {@code .html} (escaped), one set per kind and language (NTF-6). A missing one stops the service at start.
 */
@ApplicationScoped
public class Templates {

    /** An email as it is sent: the subject, the plain-text part and the HTML part. */
    public record Rendered(String subject, String text, String html) {
    }

    private final Engine engine;

    public Templates(Engine engine) {
        this.engine = engine;
    }

    void verify(@Observes StartupEvent event) {
        List<String> missing = new ArrayList<>();
        for (EmailKind kind : EmailKind.values()) {
            for (Language language : Language.values()) {
                for (String part : List.of("subject.txt", "txt", "html")) {
                    String id = id(kind, language, part);
                    if (engine.getTemplate(id) == null) {
                        missing.add(id);
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("email templates missing: " + missing);
        }
    }

    public Rendered render(Email email) {
        return new Rendered(render(email, "subject.txt").strip().replaceAll("\\s+", " "), render(email, "txt"), render(email, "html"));
    }

    private String render(Email email, String part) {
        Template template = engine.getTemplate(id(email.kind(), email.language(), part));
        TemplateInstance instance = template.instance();
        email.values().forEach(instance::data);
        return instance.render();
    }

    private static String id(EmailKind kind, Language language, String part) {
        return "emails/" + kind.template() + "/" + language.code() + "." + part;
    }
}
