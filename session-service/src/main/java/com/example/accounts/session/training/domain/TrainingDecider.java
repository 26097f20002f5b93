package com.example.accounts.session.training.domain;

import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.rules.Refusal;
import com.example.accounts.session.training.domain.TrainingCommand.ChangeCoOrganizers;
import com.example.accounts.session.training.domain.TrainingCommand.ChangePresenter;
import com.example.accounts.session.training.domain.TrainingCommand.End;
import com.example.accounts.session.training.domain.TrainingCommand.GiveKeyboard;
import com.example.accounts.session.training.domain.TrainingCommand.JoinAsParticipant;
import com.example.accounts.session.training.domain.TrainingCommand.RemoveParticipant;
import com.example.accounts.session.training.domain.TrainingCommand.Schedule;
import com.example.accounts.session.training.domain.TrainingCommand.SendFollowUp;
import com.example.accounts.session.training.domain.TrainingCommand.Start;
import com.example.accounts.session.training.domain.TrainingCommand.StartRecording;
import com.example.accounts.session.training.domain.TrainingCommand.StopRecording;
import com.example.accounts.session.training.domain.TrainingCommand.TakeBackKeyboard;
import com.example.accounts.session.training.domain.TrainingEvent.KeyboardControlTakenBack;
import com.example.accounts.session.training.domain.TrainingEvent.ParticipantJoined;
import com.example.accounts.session.training.domain.TrainingEvent.ParticipantRemoved;
import com.example.accounts.session.training.domain.TrainingEvent.PresenterChanged;
import com.example.accounts.session.training.domain.TrainingEvent.TrainingCoOrganizersChanged;
import com.example.accounts.session.training.domain.TrainingEvent.TrainingFollowUpSent;
import com.example.accounts.session.training.domain.TrainingEvent.TrainingRecordingStarted;
import com.example.accounts.session.training.domain.TrainingEvent.TrainingRecordingStopped;
import com.example.accounts.session.training.domain.TrainingEvent.TrainingSessionEnded;
import com.example.accounts.session.training.domain.TrainingEvent.TrainingSessionScheduled;
import com.example.accounts.session.training.domain.TrainingEvent.TrainingSessionStarted;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/** The rules of a training session (TRN-1 to TRN-6): pure. */
public final class TrainingDecider {

    public static final int MAX_NAME = 100;
    /** TRN-2: the most co-organizers a session has, so naming them is one question of the permission-service. */
    public static final int MAX_CO_ORGANIZERS = 50;

    /**
     * TRN-6: a session's code lapses when the session ends, and at the latest this long after it was scheduled, so
     * that no code admits for good (a session has no scheduled end to lapse by).
     */
    public static final Duration CODE_LIFETIME = Duration.ofDays(30);

    private TrainingDecider() {
    }

    public static List<TrainingEvent> decide(TrainingCommand command, TrainingSession s) {
        return switch (command) {
            case Schedule c -> {
                if (s.scheduled()) {
                    throw Refusal.conflict(RuleId.EVT_1, "session " + c.sessionId() + " already exists");
                }
                namesCoOrganizers(c.organizerMemberId(), c.coOrganizerMemberIds(), c.coOrganizersAllowed());
                yield List.of(new TrainingSessionScheduled(c.sessionId(), c.organizerMemberId(), List.copyOf(c.coOrganizerMemberIds())));
            }
            case ChangeCoOrganizers c -> {
                changesCoOrganizers(s, c.byMemberId(), c.mayHost(), c.coOrganizersAllowed(), c.coOrganizerMemberIds());
                TrainingCoOrganizersChanged changed = new TrainingCoOrganizersChanged(s.sessionId(), List.copyOf(c.coOrganizerMemberIds()));
                // a co-organizer no longer named is no longer in the session, and keeps no role in it (TRN-4, TRN-5)
                if (left(s.presenter(), s.organizer(), changed.coOrganizerMemberIds())) {
                    yield List.of(changed, new PresenterChanged(s.sessionId(), Actor.member(s.organizer())));
                }
                if (left(s.keyboard(), s.organizer(), changed.coOrganizerMemberIds())) {
                    yield List.of(changed, new KeyboardControlTakenBack(s.sessionId()));
                }
                yield List.of(changed);
            }
            case Start c -> {
                open(s);
                host(s, c.byMemberId(), c.mayHost(), c.coOrganizersAllowed(), "starts the session");
                if (s.started()) {
                    throw Refusal.conflict(RuleId.TRN_3, "training session " + s.sessionId() + " has already started");
                }
                yield List.of(new TrainingSessionStarted(s.sessionId(), c.byMemberId()));
            }
            case StartRecording c -> {
                live(s, RuleId.TRN_3, "recording");
                host(s, c.byMemberId(), c.mayHost(), c.coOrganizersAllowed(), "records the session");
                if (s.recording()) {
                    throw Refusal.conflict(RuleId.TRN_3, "the session is already being recorded");
                }
                yield List.of(new TrainingRecordingStarted(s.sessionId(), c.byMemberId()));
            }
            case StopRecording c -> {
                live(s, RuleId.TRN_3, "recording");
                host(s, c.byMemberId(), c.mayHost(), c.coOrganizersAllowed(), "stops the recording");
                if (!s.recording()) {
                    throw Refusal.conflict(RuleId.TRN_3, "the session is not being recorded");
                }
                yield List.of(new TrainingRecordingStopped(s.sessionId(), c.byMemberId()));
            }
            case End c -> {
                open(s);
                host(s, c.byMemberId(), c.mayHost(), c.coOrganizersAllowed(), "ends the session");
                // the archive (TRN-3) reads who stopped each recording; ending does not leave one open
                yield s.recording()
                        ? List.of(new TrainingRecordingStopped(s.sessionId(), c.byMemberId()), new TrainingSessionEnded(s.sessionId()))
                        : List.of(new TrainingSessionEnded(s.sessionId()));
            }
            case JoinAsParticipant c -> {
                String name = participantName(c.name());
                if (!s.scheduled()) {
                    throw Refusal.notFound(RuleId.TRN_6, "no such training session");
                }
                if (s.ended()) {
                    throw Refusal.gone(RuleId.TRN_6, "training session " + s.sessionId() + " has ended");
                }
                if (s.participants().size() >= c.maxParticipants()) {
                    throw Refusal.conflict(RuleId.TRN_6, "the session is full: it has its " + c.maxParticipants()
                            + " participants, the most a session holds (platform.training.max-participants)");
                }
                yield List.of(new ParticipantJoined(s.sessionId(), c.participantId(), name));
            }
            case RemoveParticipant c -> {
                open(s);
                host(s, c.byMemberId(), c.mayHost(), c.coOrganizersAllowed(), "manages attendees");
                Actor removed = Actor.participant(c.participantId());
                if (!s.inSession(removed, c.coOrganizersAllowed())) {
                    throw Refusal.notFound(RuleId.TRN_3, "no participant " + c.participantId() + " in this session");
                }
                // someone removed keeps no role: presenting goes back to the organizer (TRN-4), control to the presenter (TRN-5)
                if (removed.equals(s.presenter())) {
                    yield List.of(new ParticipantRemoved(s.sessionId(), c.participantId(), c.byMemberId()),
                            new PresenterChanged(s.sessionId(), Actor.member(s.organizer())));
                }
                if (removed.equals(s.keyboard())) {
                    yield List.of(new ParticipantRemoved(s.sessionId(), c.participantId(), c.byMemberId()), new KeyboardControlTakenBack(s.sessionId()));
                }
                yield List.of(new ParticipantRemoved(s.sessionId(), c.participantId(), c.byMemberId()));
            }
            case ChangePresenter c -> PresenterRules.changePresenter(c, s);
            case GiveKeyboard c -> PresenterRules.giveKeyboard(c, s);
            case TakeBackKeyboard c -> PresenterRules.takeBackKeyboard(c, s);
            case SendFollowUp c -> {
                afterSession(s, c.byMemberId(), c.mayHost(), "follow-up emails");
                if (!s.ended()) {
                    throw Refusal.conflict(RuleId.TRN_3, "the follow-up is sent after the session has ended");
                }
                if (s.followUpSent()) {
                    throw Refusal.conflict(RuleId.TRN_3, "the follow-up was already sent");
                }
                yield List.of(new TrainingFollowUpSent(s.sessionId(), c.byMemberId()));
            }
        };
    }

    /**
     * TRN-6: the name a participant is seen by, stripped; required, at most {@link #MAX_NAME} characters. Asked of
     * the request before its code is looked up, so a bad name gets the same answer with any code (ACC-6).
     */
    public static String participantName(String given) {
        String name = given == null ? "" : given.strip();
        if (name.isEmpty()) {
            throw Refusal.invalid(RuleId.TRN_6, "name", "is required: the name the others see");
        }
        if (name.length() > MAX_NAME) {
            throw Refusal.invalid(RuleId.TRN_6, "name", "is longer than " + MAX_NAME + " characters");
        }
        return name;
    }

    /**
     * TRN-3: reports, the recordings archive and follow-up emails are the organizer's alone, not a co-organizer's,
     * and only while the organizer may still host ({@code mayHost}, asked now).
     */
    public static void afterSession(TrainingSession s, UUID memberId, boolean mayHost, String feature) {
        if (!s.scheduled()) {
            throw Refusal.notFound(RuleId.ACC_6, "no such training session");
        }
        if (!memberId.equals(s.organizer())) {
            throw Refusal.forbidden(RuleId.TRN_3, "only the organizer has the " + feature);
        }
        mayStillHost(mayHost, "has the " + feature);
    }

    /**
     * TRN-2: what the session says of {@code by} naming these co-organizers, judged before anyone is asked whether each
     * may use TRAINING: only its organizer, while they may host, names them, as the list's own rules allow.
     */
    public static void changesCoOrganizers(TrainingSession s, UUID by, boolean mayHost, boolean allowed, List<UUID> named) {
        open(s);
        if (!by.equals(s.organizer())) {
            throw Refusal.forbidden(RuleId.TRN_2, "only the organizer names co-organizers");
        }
        mayStillHost(mayHost, "names co-organizers");
        namesCoOrganizers(s.organizer(), named, allowed);
    }

    /** TRN-2: the list's own rules, judged before anyone is asked whether each named member may use TRAINING. */
    public static void namesCoOrganizers(UUID organizer, List<UUID> named, boolean allowed) {
        if (named.size() > MAX_CO_ORGANIZERS) {
            throw Refusal.invalid(RuleId.TRN_2, "coOrganizerMemberIds", "names more than " + MAX_CO_ORGANIZERS + " co-organizers");
        }
        if (!named.isEmpty() && !allowed) {
            throw Refusal.invalid(RuleId.TRN_2, "coOrganizerMemberIds", "the account turned co-organizers off");
        }
        if (named.contains(organizer)) {
            throw Refusal.invalid(RuleId.TRN_2, "coOrganizerMemberIds", "the organizer is not their own co-organizer");
        }
        if (new HashSet<>(named).size() != named.size()) {
            throw Refusal.invalid(RuleId.TRN_2, "coOrganizerMemberIds", "names a member more than once");
        }
    }

    private static boolean left(Actor role, UUID organizer, List<UUID> coOrganizers) {
        return role != null && role.kind() == Actor.Kind.MEMBER && !role.id().equals(organizer) && !coOrganizers.contains(role.id());
    }

    private static void open(TrainingSession s) {
        if (!s.scheduled()) {
            throw Refusal.notFound(RuleId.ACC_6, "no such training session");
        }
        if (s.ended()) {
            throw Refusal.gone(RuleId.TRN_3, "training session " + s.sessionId() + " has ended");
        }
    }

    static void live(TrainingSession s, RuleId rule, String what) {
        open(s);
        if (!s.started()) {
            throw Refusal.conflict(rule, "the session has not started: no " + what + " before it does");
        }
    }

    /**
     * TRN-3: the session says who its hosts are; the permission-service, asked now, whether they still may host. A
     * member who may no longer host is refused for that first: whether co-organizers are on is then not asked.
     */
    private static void host(TrainingSession s, UUID memberId, boolean mayHost, boolean coOrganizersAllowed, String what) {
        mayStillHost(mayHost, what);
        if (!s.host(memberId, coOrganizersAllowed)) {
            if (s.coOrganizers().contains(memberId)) {
                throw Refusal.forbidden(RuleId.TRN_2, "the account turned co-organizers off: only the organizer " + what);
            }
            throw Refusal.forbidden(RuleId.TRN_3, "only the organizer or a co-organizer " + what);
        }
    }

    /** TRN-1, TRN-3: a host made an observer, or of an account that lost TRAINING, no longer acts in the session. */
    static void mayStillHost(boolean mayHost, String what) {
        if (!mayHost) {
            throw Refusal.forbidden(RuleId.TRN_3, "you may no longer host training sessions (TRN-1: an ADMIN, LIMITED_ADMIN or STANDARD member of an "
                    + "account with TRAINING), so no longer " + what);
        }
    }

}
