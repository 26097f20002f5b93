package com.example.accounts.notification.domain;

import java.util.List;

/** The emails people receive, each with the values its templates show. */
public enum EmailKind {
    /** NTF-1: to a new member, with the sign-in or choose-a-password link of USR-2. */
    MEMBER_ADDED("member-added", List.of("name", "account", "addedBy", "newLogin", "link")),
    /** NTF-2: to a deleted member. */
    MEMBER_DELETED("member-deleted", List.of("name", "account", "deletedBy")),
    /** NTF-3: to an external technician invited with SERVER_EMAIL. */
    EXTERNAL_INVITE("external-invite", List.of("name", "inviter", "comments", "policy", "expires", "url")),
    /** NTF-4: to the member who now holds the billing contact. */
    BILLING_CONTACT_NEW("billing-contact-new", List.of("name", "account", "from")),
    /** NTF-4: to the member who held it before. */
    BILLING_CONTACT_OLD("billing-contact-old", List.of("name", "account", "to"));

    private final String template;
    private final List<String> shows;

    EmailKind(String template, List<String> values) {
        this.template = template;
        this.shows = values;
    }

    /** The folder of its templates: {@code emails/<template>/<language>.subject.txt, .txt, .html}. */
    public String template() {
        return template;
    }

    public List<String> shows() {
        return shows;
    }
}
