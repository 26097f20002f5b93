package com.example.accounts.session.training.domain;

import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.rules.Refusal;
import com.example.accounts.session.training.domain.TrainingCommand.ChangePresenter;
import com.example.accounts.session.training.domain.TrainingCommand.GiveKeyboard;
import com.example.accounts.session.training.domain.TrainingCommand.TakeBackKeyboard;
import com.example.accounts.session.training.domain.TrainingEvent.KeyboardControlGiven;
import com.example.accounts.session.training.domain.TrainingEvent.KeyboardControlTakenBack;
import com.example.accounts.session.training.domain.TrainingEvent.PresenterChanged;

import java.util.List;

import static com.example.accounts.session.training.domain.TrainingDecider.live;
import static com.example.accounts.session.training.domain.TrainingDecider.mayStillHost;

/** The presenter role (TRN-4) and keyboard and mouse control (TRN-5) of a training session, which {@link TrainingDecider} dispatches to: pure. */
final class PresenterRules {

    private PresenterRules() {
    }

    static List<TrainingEvent> changePresenter(ChangePresenter c, TrainingSession s) {
        live(s, RuleId.TRN_4, "a presenter");
        asMember(s, c.by(), c.mayHost(), c.coOrganizersAllowed(), "passes the presenter role");
        if (!c.by().equals(s.presenter()) && !s.host(c.by(), c.coOrganizersAllowed())) {
            throw Refusal.forbidden(RuleId.TRN_4, "only the presenter, the organizer or a co-organizer passes the presenter role");
        }
        if (!s.inSession(c.to(), c.coOrganizersAllowed())) {
            notWhileCoOrganizersOff(s, c.to(), c.coOrganizersAllowed(), "presents");
            throw Refusal.invalid(RuleId.TRN_4, "id", "the presenter role passes to the organizer, a co-organizer or a participant in the session");
        }
        mayStillHostToo(c.to(), c.toMayHost(), "made presenter");
        return c.to().equals(s.presenter()) ? List.of() : List.of(new PresenterChanged(s.sessionId(), c.to()));
    }

    static List<TrainingEvent> giveKeyboard(GiveKeyboard c, TrainingSession s) {
        live(s, RuleId.TRN_5, "keyboard and mouse control");
        presenter(s, c.by(), "gives keyboard and mouse control");
        asMember(s, c.by(), c.mayHost(), c.coOrganizersAllowed(), "gives keyboard and mouse control");
        if (!s.inSession(c.to(), c.coOrganizersAllowed())) {
            notWhileCoOrganizersOff(s, c.to(), c.coOrganizersAllowed(), "is given keyboard and mouse control");
            throw Refusal.invalid(RuleId.TRN_5, "id", "control goes to the organizer, a co-organizer or a participant in the session");
        }
        mayStillHostToo(c.to(), c.toMayHost(), "given keyboard and mouse control");
        if (c.to().equals(s.presenter())) {
            throw Refusal.invalid(RuleId.TRN_5, "id", "the presenter has control already");
        }
        return c.to().equals(s.keyboard()) ? List.of() : List.of(new KeyboardControlGiven(s.sessionId(), c.to()));
    }

    static List<TrainingEvent> takeBackKeyboard(TakeBackKeyboard c, TrainingSession s) {
        live(s, RuleId.TRN_5, "keyboard and mouse control");
        presenter(s, c.by(), "takes keyboard and mouse control back");
        asMember(s, c.by(), c.mayHost(), c.coOrganizersAllowed(), "takes keyboard and mouse control back");
        if (s.keyboard() == null) {
            throw Refusal.conflict(RuleId.TRN_5, "no one else has keyboard and mouse control");
        }
        return List.of(new KeyboardControlTakenBack(s.sessionId()));
    }

    /**
     * TRN-2, TRN-3: a member acts in the session only as a host: while co-organizers are off a co-organizer is nobody in
     * it, even while presenting, and no member who may no longer host acts. Participants are never hosts, and act as
     * presenter alone.
     */
    private static void asMember(TrainingSession s, Actor by, boolean mayHost, boolean coOrganizersAllowed, String what) {
        if (by.kind() != Actor.Kind.MEMBER) {
            return;
        }
        if (s.organizer().equals(by.id()) || s.coOrganizers().contains(by.id())) {
            mayStillHost(mayHost, what);
        }
        if (!coOrganizersAllowed && s.coOrganizers().contains(by.id())) {
            throw Refusal.forbidden(RuleId.TRN_2, "the account turned co-organizers off: a co-organizer no longer " + what);
        }
    }

    /**
     * TRN-3: a member is in the session only as a host, so a member made presenter or given control must still be
     * able to host ({@code toMayHost}, asked of the permission-service about them now), as the one who acts must.
     */
    private static void mayStillHostToo(Actor to, boolean toMayHost, String what) {
        if (to.kind() == Actor.Kind.MEMBER && !toMayHost) {
            throw Refusal.invalid(RuleId.TRN_3, "id", "member " + to.id() + " may no longer host training sessions (TRN-1), so is not " + what);
        }
    }

    /** TRN-2: while co-organizers are off, a co-organizer is not in the session to present or to have control. */
    private static void notWhileCoOrganizersOff(TrainingSession s, Actor to, boolean coOrganizersAllowed, String what) {
        if (!coOrganizersAllowed && to.kind() == Actor.Kind.MEMBER && s.coOrganizers().contains(to.id())) {
            throw Refusal.invalid(RuleId.TRN_2, "id", "the account turned co-organizers off: no co-organizer " + what);
        }
    }

    private static void presenter(TrainingSession s, Actor by, String what) {
        if (!by.equals(s.presenter())) {
            throw Refusal.forbidden(RuleId.TRN_5, "only the presenter " + what);
        }
    }
}
