package com.example.accounts.contract.vocabulary;

import java.util.Optional;

/**
 * Every rule of the rule book by its id, with the rule in one line. Refusals, problem+json answers and test names
 * name rules by these ids ({@code USR-7}); {@link #id()} is the id as the rule book writes it.
 */
public enum RuleId {
    ACC_1("ACC-1", "opening an account makes its first member ADMIN and billing contact"),
    ACC_2("ACC-2", "the plan lists the modules and the seats bought of each seat-bearing one"),
    ACC_3("ACC-3", "only the billing contact changes plan and billing; seats cannot drop below those provisioned"),
    ACC_4("ACC-4", "billing information holds no card number, ever"),
    ACC_5("ACC-5", "account-wide settings are changed by full admins only"),
    ACC_6("ACC-6", "a non-member gets the same 404 as for an id that does not exist"),
    BIL_1("BIL-1", "an account has exactly one billing contact, an ADMIN"),
    BIL_2("BIL-2", "the billing contact hands the flag to another ADMIN in one step"),
    BIL_3("BIL-3", "the billing contact is neither demoted nor deleted before handing the flag over"),
    USR_1("USR-1", "only full admins add members, with a valid name, a unique email and a role"),
    USR_2("USR-2", "an email with a login reuses it; otherwise a login is made and the person chooses a password"),
    USR_3("USR-3", "admins have every support feature and company, and these cannot be edited for them"),
    USR_4("USR-4", "full admins edit members; a limited admin only non-admins of its groups, up to STANDARD"),
    USR_5("USR-5", "only the member changes their own name and email"),
    USR_6("USR-6", "deleting a member removes them for good: seats, groups, invites and queue logins go with them"),
    USR_7("USR-7", "the last ADMIN cannot be demoted or deleted"),
    USR_8("USR-8", "nobody deletes themselves or changes their own role"),
    USR_9("USR-9", "an account may have any number of admins"),
    USR_10("USR-10", "STANDARD members view all account data and change only their own profile"),
    USR_11("USR-11", "observers see Monitoring data of their companies and nothing else"),
    USR_12("USR-12", "a deleted member's email can be added again as a new membership"),
    USR_13("USR-13", "a login is a member of an account at most once"),
    REP_1("REP-1", "account reports are the full admins'; others see those of their sessions or groups"),
    CMP_1("CMP-1", "full admins add, rename and remove companies, named uniquely"),
    CMP_2("CMP-2", "company access is ALL or a list; an empty list reaches no company"),
    CMP_3("CMP-3", "full admins manage user and device groups and assign them to limited admins"),
    CMP_4("CMP-4", "a device belongs to one company and at most one device group, managed by its admins"),
    SEAT_1("SEAT-1", "observers never hold seats"),
    SEAT_2("SEAT-2", "seats provisioned never exceed seats bought, under concurrency too"),
    SEAT_3("SEAT-3", "without its seat a member reaches no part of a seat-bearing module"),
    SEAT_4("SEAT-4", "MONITORING in the plan is open to every member without a seat"),
    SEAT_5("SEAT-5", "a module not in the plan grants nothing and takes no seats"),
    SEAT_6("SEAT-6", "deleting a member or making them an observer releases their seats"),
    FEAT_1("FEAT-1", "support features are given per member; admins have all"),
    FEAT_2("FEAT-2", "clients older than 2.3 build 818 are refused to members lacking a feature"),
    SUP_1("SUP-1", "a member with a REMOTE_SUPPORT seat starts an attended session and gets a join code"),
    SUP_2("SUP-2", "a code admits one customer, without an account, and lapses after 20 unused minutes"),
    SUP_3("SUP-3", "an unattended session needs UNATTENDED_ACCESS and access to the device's company"),
    SUP_4("SUP-4", "remote control and file transfer need the acting technician's feature or policy"),
    SUP_5("SUP-5", "the owner ends the session, logging everyone out and lapsing its invites"),
    SUP_6("SUP-6", "a session is handed only to a member who could have started it"),
    INV_1("INV-1", "an external technician is invited with an enabled policy, a name, comments and a delivery"),
    INV_2("INV-2", "an invite URL is secret, stored hashed, used once and lapses after two hours or with the session"),
    INV_3("INV-3", "a redeemed invite admits a technician who sees only the session and never owns it"),
    INV_4("INV-4", "external technicians leave with the member who invited them"),
    INV_5("INV-5", "a session may have several external technicians"),
    INV_6("INV-6", "full admins manage security policies, each a unique name and its permissions"),
    TRN_1("TRN-1", "non-observer members of an account with TRAINING organize training sessions"),
    TRN_2("TRN-2", "the organizer names co-organizers unless the account turns them off"),
    TRN_3("TRN-3", "hosts run the session, only the organizer its aftermath; every host action is checked when taken"),
    TRN_4("TRN-4", "the presenter role passes to anyone in the session without making them an organizer"),
    TRN_5("TRN-5", "the presenter gives and takes back keyboard control, which ends when the presenter changes"),
    TRN_6("TRN-6", "participants join without an account and see, chat and draw"),
    TRN_7("TRN-7", "who may do what in and around a training session is exactly as the rule book's role tables say"),
    CC_1("CC-1", "CONTACT_ADMIN needs ADMIN; contact admins and full admins administer the contact center"),
    CC_2("CC-2", "contact-center permissions are set per role, never per member"),
    CC_3("CC-3", "supervisor permissions and their defaults; MANAGE_X brings VIEW_X"),
    CC_4("CC-4", "agent permissions, off by default"),
    CC_5("CC-5", "a supervisor limited to assigned queues reaches only those it supervises"),
    CC_6("CC-6", "with RESTRICT_UNASSIGNED_QUEUE_LOGIN agents log only into their queues, or by a supervisor"),
    CC_7("CC-7", "permission and setting changes reach an agent at their next login"),
    CC_8("CC-8", "only members with AGENT log into queues as agents"),
    NTF_1("NTF-1", "a new member is emailed who added them and how to sign in"),
    NTF_2("NTF-2", "a deleted member is emailed that their access was removed"),
    NTF_3("NTF-3", "a SERVER_EMAIL invite is emailed with its URL, inviter, comments, policy and expiry"),
    NTF_4("NTF-4", "a billing-contact hand-over is emailed to the old and the new holder"),
    NTF_5("NTF-5", "at most one email per event and recipient; failures are retried or recorded, never lost"),
    NTF_6("NTF-6", "emails are in the recipient's language, else the account's, else English"),
    PRM_1("PRM-1", "every event takes effect once, in its account's order"),
    PRM_2("PRM-2", "a check answers allowed or denied with the reasons that decided it"),
    PRM_3("PRM-3", "a member's permissions and a permission's members can be listed"),
    PRM_4("PRM-4", "a query with a consistency token waits until that write is applied"),
    PRM_5("PRM-5", "rebuilding the read model from the log gives the same read model"),
    PRM_6("PRM-6", "checks against the read model reproduce the training role tables"),
    EVT_1("EVT-1", "events are appended, never changed; a stream's versions are unique"),
    EVT_2("EVT-2", "each event carries its envelope: ids, type, version, account, stream, position, time, actor"),
    EVT_3("EVT-3", "every committed event reaches Kafka at least once, in its account's order, none skipped"),
    EVT_4("EVT-4", "event topics keep events for good"),
    EVT_5("EVT-5", "events carry no secrets"),
    SEC_1("SEC-1", "every API needs a token, except joining as a guest, redeeming an invite and health"),
    SEC_2("SEC-2", "bad input gets a problem+json naming the field and changes nothing"),
    SEC_3("SEC-3", "a retried create with the same Idempotency-Key gets the first answer and appends nothing");

    private final String id;
    private final String rule;

    RuleId(String id, String rule) {
        this.id = id;
        this.rule = rule;
    }

    /** The id as the rule book writes it: {@code USR-7}. */
    public String id() {
        return id;
    }

    /** The rule, in one line. */
    public String rule() {
        return rule;
    }

    /** The rule of this id ({@code USR-7}); empty for an id the rule book does not have. */
    public static Optional<RuleId> of(String id) {
        for (RuleId rule : values()) {
            if (rule.id.equals(id)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
