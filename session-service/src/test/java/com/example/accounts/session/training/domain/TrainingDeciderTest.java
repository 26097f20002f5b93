package com.example.accounts.session.training.domain;

import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.kit.decider.GivenWhenThen;
import com.example.accounts.kit.decider.GivenWhenThen.Given;
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
import com.example.accounts.session.training.domain.TrainingEvent.KeyboardControlGiven;
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
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training session's rules, given its events, when a command, then its events or the refusal naming the rule. */
class TrainingDeciderTest {

    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    static final int CAP = 1000;
    static final UUID SESSION = UUID.randomUUID();
    static final UUID ORGANIZER = UUID.randomUUID();
    static final UUID CO = UUID.randomUUID();
    static final UUID OTHER_MEMBER = UUID.randomUUID();
    static final UUID ANNA = UUID.randomUUID();
    static final UUID BEN = UUID.randomUUID();

    static final TrainingEvent SCHEDULED = new TrainingSessionScheduled(SESSION, ORGANIZER, List.of(CO));
    static final TrainingEvent STARTED = new TrainingSessionStarted(SESSION, ORGANIZER);
    static final TrainingEvent ANNA_JOINED = new ParticipantJoined(SESSION, ANNA, "Anna");
    static final TrainingEvent BEN_JOINED = new ParticipantJoined(SESSION, BEN, "Ben");
    static final TrainingEvent ENDED = new TrainingSessionEnded(SESSION);

    static final GivenWhenThen<TrainingSession, TrainingCommand, TrainingEvent> TRAINING = GivenWhenThen.of(TrainingSession.INITIAL,
            TrainingSession::evolve, TrainingDecider::decide);

    static Given<TrainingSession, TrainingCommand, TrainingEvent> given(TrainingEvent... events) {
        return TRAINING.given(events);
    }

    static List<TrainingEvent> when(Given<TrainingSession, TrainingCommand, TrainingEvent> given, TrainingCommand command) {
        return given.when(command).events();
    }

    static Given<TrainingSession, TrainingCommand, TrainingEvent> then(Given<TrainingSession, TrainingCommand, TrainingEvent> given,
            List<TrainingEvent> events) {
        return given.given(events);
    }

    static void refused(Refusal.Kind kind, RuleId rule, Given<TrainingSession, TrainingCommand, TrainingEvent> given, TrainingCommand command) {
        given.when(command).thenRefused(rule, kind);
    }

    static Actor member(UUID id) {
        return Actor.member(id);
    }

    static Actor participant(UUID id) {
        return Actor.participant(id);
    }

    @Test
    void TRN1_theOrganizerSchedulesWithCoOrganizers() {
        List<TrainingEvent> events = when(given(), new Schedule(SESSION, ORGANIZER, List.of(CO), true, NOW));

        assertEquals(List.of(SCHEDULED), events);
        var s = then(given(), events);
        assertEquals(ORGANIZER, s.state().organizer());
        assertEquals(Set.of(CO), s.state().coOrganizers());
        assertFalse(s.state().started());
    }

    @Test
    void EVT1_aSessionIsScheduledOnce() {
        refused(Refusal.Kind.CONFLICT, RuleId.EVT_1, given(SCHEDULED), new Schedule(SESSION, ORGANIZER, List.of(), true, NOW));
    }

    @Test
    void TRN2_coOrganizersRefusedWhileTheAccountTurnedThemOff() {
        refused(Refusal.Kind.INVALID, RuleId.TRN_2, given(), new Schedule(SESSION, ORGANIZER, List.of(CO), false, NOW));
        assertEquals(List.of(new TrainingSessionScheduled(SESSION, ORGANIZER, List.of())),
                when(given(), new Schedule(SESSION, ORGANIZER, List.of(), false, NOW)));
    }

    @Test
    void TRN2_theOrganizerIsNotTheirOwnCoOrganizer() {
        refused(Refusal.Kind.INVALID, RuleId.TRN_2, given(), new Schedule(SESSION, ORGANIZER, List.of(ORGANIZER), true, NOW));
    }

    @Test
    void TRN2_aCoOrganizerIsNamedOnce() {
        refused(Refusal.Kind.INVALID, RuleId.TRN_2, given(), new Schedule(SESSION, ORGANIZER, List.of(CO, CO), true, NOW));
    }

    @Test
    void TRN2_theOrganizerNamesCoOrganizersDuringTheSession() {
        var s = given(SCHEDULED, STARTED);

        List<TrainingEvent> events = when(s, new ChangeCoOrganizers(ORGANIZER, List.of(CO, OTHER_MEMBER), true, true, NOW));

        assertEquals(List.of(new TrainingCoOrganizersChanged(SESSION, List.of(CO, OTHER_MEMBER))), events);
        assertEquals(Set.of(CO, OTHER_MEMBER), then(s, events).state().coOrganizers());
    }

    @Test
    void TRN2_onlyTheOrganizerNamesCoOrganizers() {
        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_2, given(SCHEDULED), new ChangeCoOrganizers(CO, List.of(OTHER_MEMBER), true, true, NOW));
    }

    @Test
    void TRN2_coOrganizersAreNotNamedWhileTheAccountTurnedThemOff() {
        refused(Refusal.Kind.INVALID, RuleId.TRN_2, given(SCHEDULED), new ChangeCoOrganizers(ORGANIZER, List.of(OTHER_MEMBER), true, false, NOW));
    }

    @Test
    void TRN2_coOrganizersAreNotChangedAfterTheEnd() {
        refused(Refusal.Kind.GONE, RuleId.TRN_3, given(SCHEDULED, ENDED), new ChangeCoOrganizers(ORGANIZER, List.of(), true, true, NOW));
    }

    @Test
    void TRN2_aCoOrganizerNoLongerNamedKeepsNoRole() {
        var s = given(SCHEDULED, STARTED, new PresenterChanged(SESSION, member(CO)));

        List<TrainingEvent> events = when(s, new ChangeCoOrganizers(ORGANIZER, List.of(), true, true, NOW));

        assertEquals(List.of(new TrainingCoOrganizersChanged(SESSION, List.of()), new PresenterChanged(SESSION, member(ORGANIZER))), events);
    }

    @Test
    void TRN2_aCoOrganizerDoesNotHostWhileTheAccountTurnedThemOff() {
        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_2, given(SCHEDULED), new Start(CO, true, false, NOW));
    }

    @Test
    void TRN3_aCoOrganizerStartsTheSession() {
        assertEquals(List.of(new TrainingSessionStarted(SESSION, CO)), when(given(SCHEDULED), new Start(CO, true, true, NOW)));
    }

    @Test
    void TRN3_aMemberWhoIsNoHostDoesNotStartTheSession() {
        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_3, given(SCHEDULED), new Start(OTHER_MEMBER, true, true, NOW));
    }

    @Test
    void TRN3_aSessionStartsOnce() {
        refused(Refusal.Kind.CONFLICT, RuleId.TRN_3, given(SCHEDULED, STARTED), new Start(ORGANIZER, true, true, NOW));
    }

    @Test
    void TRN3_anEndedSessionDoesNotStart() {
        refused(Refusal.Kind.GONE, RuleId.TRN_3, given(SCHEDULED, ENDED), new Start(ORGANIZER, true, true, NOW));
    }

    @Test
    void TRN3_hostsRecordTheStartedSessionIntoTheArchive() {
        var s = given(SCHEDULED, STARTED);

        List<TrainingEvent> events = when(s, new StartRecording(CO, true, true, NOW));

        assertEquals(List.of(new TrainingRecordingStarted(SESSION, CO)), events);
        var recording = then(s, events);
        assertTrue(recording.state().recording());
        assertEquals(1, recording.state().recordings());
        var stopped = then(recording, when(recording, new StopRecording(ORGANIZER, true, true, NOW)));
        assertFalse(stopped.state().recording());
        assertEquals(1, stopped.state().recordings());
    }

    @Test
    void TRN3_noRecordingBeforeTheStart() {
        refused(Refusal.Kind.CONFLICT, RuleId.TRN_3, given(SCHEDULED), new StartRecording(ORGANIZER, true, true, NOW));
    }

    @Test
    void TRN3_onlyHostsRecord() {
        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_3, given(SCHEDULED, STARTED), new StartRecording(OTHER_MEMBER, true, true, NOW));
    }

    @Test
    void TRN3_aRecordingIsNotStartedTwice() {
        refused(Refusal.Kind.CONFLICT, RuleId.TRN_3, given(SCHEDULED, STARTED, new TrainingRecordingStarted(SESSION, ORGANIZER)),
                new StartRecording(CO, true, true, NOW));
    }

    @Test
    void TRN3_noRecordingToStop() {
        refused(Refusal.Kind.CONFLICT, RuleId.TRN_3, given(SCHEDULED, STARTED), new StopRecording(ORGANIZER, true, true, NOW));
    }

    @Test
    void TRN3_aCoOrganizerEndsTheSessionAndItsRecording() {
        var s = given(SCHEDULED, STARTED, new TrainingRecordingStarted(SESSION, ORGANIZER));

        List<TrainingEvent> events = when(s, new End(CO, true, true, NOW));

        assertEquals(List.of(new TrainingRecordingStopped(SESSION, CO), ENDED), events);
        var ended = then(s, events);
        assertTrue(ended.state().ended());
        assertFalse(ended.state().recording());
    }

    @Test
    void TRN3_onlyHostsEndTheSession() {
        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_3, given(SCHEDULED, STARTED), new End(OTHER_MEMBER, true, true, NOW));
    }

    @Test
    void TRN3_hostsRemoveParticipants() {
        var s = given(SCHEDULED, STARTED, ANNA_JOINED);

        List<TrainingEvent> events = when(s, new RemoveParticipant(CO, ANNA, true, true, NOW));

        assertEquals(List.of(new ParticipantRemoved(SESSION, ANNA, CO)), events);
        assertEquals(Map.of(), then(s, events).state().participants());
    }

    @Test
    void TRN3_onlyHostsManageAttendees() {
        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_3, given(SCHEDULED, STARTED, ANNA_JOINED), new RemoveParticipant(OTHER_MEMBER, ANNA, true, true, NOW));
    }

    @Test
    void TRN3_noSuchParticipantToRemove() {
        refused(Refusal.Kind.NOT_FOUND, RuleId.TRN_3, given(SCHEDULED, STARTED), new RemoveParticipant(ORGANIZER, ANNA, true, true, NOW));
    }

    @Test
    void TRN3_aRemovedPresenterHandsTheRoleBackToTheOrganizer() {
        var s = given(SCHEDULED, STARTED, ANNA_JOINED, new PresenterChanged(SESSION, participant(ANNA)));

        List<TrainingEvent> events = when(s, new RemoveParticipant(ORGANIZER, ANNA, true, true, NOW));

        assertEquals(List.of(new ParticipantRemoved(SESSION, ANNA, ORGANIZER), new PresenterChanged(SESSION, member(ORGANIZER))), events);
    }

    @Test
    void TRN3_aRemovedParticipantLosesKeyboardControl() {
        var s = given(SCHEDULED, STARTED, ANNA_JOINED, new KeyboardControlGiven(SESSION, participant(ANNA)));

        List<TrainingEvent> events = when(s, new RemoveParticipant(ORGANIZER, ANNA, true, true, NOW));

        assertEquals(List.of(new ParticipantRemoved(SESSION, ANNA, ORGANIZER), new KeyboardControlTakenBack(SESSION)), events);
    }

    @Test
    void TRN3_theOrganizerSendsTheFollowUpAfterTheSession() {
        var s = given(SCHEDULED, STARTED, ENDED);

        List<TrainingEvent> events = when(s, new SendFollowUp(ORGANIZER, true, NOW));

        assertEquals(List.of(new TrainingFollowUpSent(SESSION, ORGANIZER)), events);
        assertTrue(then(s, events).state().followUpSent());
    }

    @Test
    void TRN3_onlyTheOrganizerSendsTheFollowUp() {
        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_3, given(SCHEDULED, STARTED, ENDED), new SendFollowUp(CO, true, NOW));
    }

    @Test
    void TRN3_theFollowUpWaitsForTheEnd() {
        refused(Refusal.Kind.CONFLICT, RuleId.TRN_3, given(SCHEDULED, STARTED), new SendFollowUp(ORGANIZER, true, NOW));
    }

    @Test
    void TRN3_theFollowUpIsSentOnce() {
        refused(Refusal.Kind.CONFLICT, RuleId.TRN_3, given(SCHEDULED, STARTED, ENDED, new TrainingFollowUpSent(SESSION, ORGANIZER)),
                new SendFollowUp(ORGANIZER, true, NOW));
    }

    @Test
    void TRN3_onlyTheOrganizerHasReportsAndTheRecordingsArchive() {
        var s = given(SCHEDULED, STARTED, ENDED);

        TrainingDecider.afterSession(s.state(), ORGANIZER, true, "reports");
        Refusal refusal = assertThrows(Refusal.class, () -> TrainingDecider.afterSession(s.state(), CO, true, "recordings archive"));
        assertEquals(Refusal.Kind.FORBIDDEN, refusal.kind());
        assertEquals(RuleId.TRN_3, refusal.rule());
    }

    @Test
    void TRN4_theOrganizerIsTheFirstPresenter() {
        var s = given(SCHEDULED, ANNA_JOINED);

        var started = then(s, when(s, new Start(CO, true, true, NOW)));

        assertEquals(member(ORGANIZER), started.state().presenter());
        assertNull(started.state().keyboard());
    }

    @Test
    void TRN4_thePresenterPassesTheRoleToAParticipant() {
        var s = given(SCHEDULED, STARTED, ANNA_JOINED);

        List<TrainingEvent> events = when(s, new ChangePresenter(member(ORGANIZER), participant(ANNA), true, true, true, NOW));

        assertEquals(List.of(new PresenterChanged(SESSION, participant(ANNA))), events);
        assertEquals(participant(ANNA), then(s, events).state().presenter());
    }

    @Test
    void TRN4_aPresentingParticipantPassesTheRoleOn() {
        var s = given(SCHEDULED, STARTED, ANNA_JOINED, BEN_JOINED, new PresenterChanged(SESSION, participant(ANNA)));

        assertEquals(List.of(new PresenterChanged(SESSION, participant(BEN))),
                when(s, new ChangePresenter(participant(ANNA), participant(BEN), false, false, true, NOW)));
    }

    @Test
    void TRN4_aHostTakesThePresenterRole() {
        var s = given(SCHEDULED, STARTED, ANNA_JOINED, new PresenterChanged(SESSION, participant(ANNA)));

        assertEquals(List.of(new PresenterChanged(SESSION, member(CO))), when(s, new ChangePresenter(member(CO), member(CO), true, true, true, NOW)));
    }

    @Test
    void TRN4_aParticipantWhoDoesNotPresentDoesNotPassTheRole() {
        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_4, given(SCHEDULED, STARTED, ANNA_JOINED, BEN_JOINED),
                new ChangePresenter(participant(ANNA), participant(BEN), false, false, true, NOW));
    }

    @Test
    void TRN4_thePresenterRoleGoesOnlyToSomeoneInTheSession() {
        var s = given(SCHEDULED, STARTED, ANNA_JOINED, new ParticipantRemoved(SESSION, ANNA, ORGANIZER));

        refused(Refusal.Kind.INVALID, RuleId.TRN_4, s, new ChangePresenter(member(ORGANIZER), participant(ANNA), true, true, true, NOW));
        refused(Refusal.Kind.INVALID, RuleId.TRN_4, s, new ChangePresenter(member(ORGANIZER), member(OTHER_MEMBER), true, true, true, NOW));
    }

    @Test
    void TRN4_presentingDoesNotMakeAnyoneAnOrganizer() {
        var s = given(SCHEDULED, STARTED, ANNA_JOINED, new PresenterChanged(SESSION, participant(ANNA)));

        assertFalse(s.state().host(participant(ANNA), true));
        assertEquals(ORGANIZER, s.state().organizer());
        assertEquals(Set.of(CO), s.state().coOrganizers());
    }

    @Test
    void TRN4_noPresenterBeforeTheStart() {
        refused(Refusal.Kind.CONFLICT, RuleId.TRN_4, given(SCHEDULED, ANNA_JOINED),
                new ChangePresenter(member(ORGANIZER), participant(ANNA), true, true, true, NOW));
    }

    @Test
    void TRN5_thePresenterGivesKeyboardControlToAParticipant() {
        var s = given(SCHEDULED, STARTED, ANNA_JOINED);

        List<TrainingEvent> events = when(s, new GiveKeyboard(member(ORGANIZER), participant(ANNA), true, true, true, NOW));

        assertEquals(List.of(new KeyboardControlGiven(SESSION, participant(ANNA))), events);
        assertEquals(participant(ANNA), then(s, events).state().keyboard());
    }

    @Test
    void TRN5_thePresenterGivesKeyboardControlToACoOrganizer() {
        assertEquals(List.of(new KeyboardControlGiven(SESSION, member(CO))),
                when(given(SCHEDULED, STARTED), new GiveKeyboard(member(ORGANIZER), member(CO), true, true, true, NOW)));
    }

    @Test
    void TRN3_aMemberWhoMayNoLongerHostIsNeitherMadePresenterNorGivenControl() {
        var s = given(SCHEDULED, STARTED, ANNA_JOINED);

        refused(Refusal.Kind.INVALID, RuleId.TRN_3, s, new ChangePresenter(member(ORGANIZER), member(CO), true, true, false, NOW));
        refused(Refusal.Kind.INVALID, RuleId.TRN_3, s, new GiveKeyboard(member(ORGANIZER), member(CO), true, true, false, NOW));
        // a participant is never a host: whether one may host is not the question
        assertEquals(List.of(new PresenterChanged(SESSION, participant(ANNA))),
                when(s, new ChangePresenter(member(ORGANIZER), participant(ANNA), true, true, false, NOW)));
    }

    @Test
    void TRN5_onlyThePresenterGivesKeyboardControl() {
        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_5, given(SCHEDULED, STARTED, ANNA_JOINED),
                new GiveKeyboard(member(CO), participant(ANNA), true, true, true, NOW));
    }

    @Test
    void TRN5_keyboardControlGoesOnlyToSomeoneInTheSession() {
        refused(Refusal.Kind.INVALID, RuleId.TRN_5, given(SCHEDULED, STARTED), new GiveKeyboard(member(ORGANIZER), participant(ANNA), true, true, true, NOW));
    }

    @Test
    void TRN5_thePresenterHasControlAlready() {
        refused(Refusal.Kind.INVALID, RuleId.TRN_5, given(SCHEDULED, STARTED), new GiveKeyboard(member(ORGANIZER), member(ORGANIZER), true, true, true, NOW));
    }

    @Test
    void TRN5_thePresenterTakesKeyboardControlBack() {
        var s = given(SCHEDULED, STARTED, ANNA_JOINED, new KeyboardControlGiven(SESSION, participant(ANNA)));

        List<TrainingEvent> events = when(s, new TakeBackKeyboard(member(ORGANIZER), true, true, NOW));

        assertEquals(List.of(new KeyboardControlTakenBack(SESSION)), events);
        assertNull(then(s, events).state().keyboard());
    }

    @Test
    void TRN5_onlyThePresenterTakesKeyboardControlBack() {
        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_5, given(SCHEDULED, STARTED, ANNA_JOINED, new KeyboardControlGiven(SESSION, participant(ANNA))),
                new TakeBackKeyboard(participant(ANNA), false, true, NOW));
    }

    @Test
    void TRN5_noControlToTakeBack() {
        refused(Refusal.Kind.CONFLICT, RuleId.TRN_5, given(SCHEDULED, STARTED), new TakeBackKeyboard(member(ORGANIZER), true, true, NOW));
    }

    @Test
    void TRN5_keyboardControlEndsWhenThePresenterChanges() {
        var s = given(SCHEDULED, STARTED, ANNA_JOINED, BEN_JOINED, new KeyboardControlGiven(SESSION, participant(ANNA)));

        var changed = then(s, when(s, new ChangePresenter(member(CO), participant(BEN), true, true, true, NOW)));

        assertEquals(participant(BEN), changed.state().presenter());
        assertNull(changed.state().keyboard());
    }

    @Test
    void TRN3_aHostWhoCanNoLongerHostNoLongerRunsTheSession() {
        // mayHost false: the permission-service denies them training.session.host now (made an observer, the account lost TRAINING)
        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_3, given(SCHEDULED), new Start(CO, false, true, NOW));
        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_3, given(SCHEDULED), new Start(ORGANIZER, false, true, NOW));
        var live = given(SCHEDULED, STARTED, ANNA_JOINED);
        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_3, live, new StartRecording(CO, false, true, NOW));
        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_3, then(live, List.of(new TrainingRecordingStarted(SESSION, ORGANIZER))),
                new StopRecording(ORGANIZER, false, true, NOW));
        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_3, live, new End(CO, false, true, NOW));
        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_3, live, new RemoveParticipant(CO, ANNA, false, true, NOW));
        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_3, live, new ChangeCoOrganizers(ORGANIZER, List.of(), false, true, NOW));
    }

    @Test
    void TRN3_aPresenterWhoCanNoLongerHostNeitherPassesTheRoleNorGivesControl() {
        var live = given(SCHEDULED, STARTED, ANNA_JOINED, new KeyboardControlGiven(SESSION, participant(ANNA)));

        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_3, live, new ChangePresenter(member(ORGANIZER), participant(ANNA), false, true, true, NOW));
        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_3, live, new GiveKeyboard(member(ORGANIZER), member(CO), false, true, true, NOW));
        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_3, live, new TakeBackKeyboard(member(ORGANIZER), false, true, NOW));
        // a member who is no host at all is refused as before, whatever the permission-service says of them
        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_4, live, new ChangePresenter(member(OTHER_MEMBER), participant(ANNA), true, true, true, NOW));
    }

    @Test
    void TRN3_anOrganizerWhoCanNoLongerHostHasNoAfterSessionFeatures() {
        var s = given(SCHEDULED, STARTED, ENDED);

        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_3, s, new SendFollowUp(ORGANIZER, false, NOW));
        Refusal refusal = assertThrows(Refusal.class, () -> TrainingDecider.afterSession(s.state(), ORGANIZER, false, "reports"));
        assertEquals(Refusal.Kind.FORBIDDEN, refusal.kind());
        assertEquals(RuleId.TRN_3, refusal.rule());
    }

    @Test
    void TRN2_whileCoOrganizersAreOffNoCoOrganizerIsMadePresenterNorGivenControl() {
        var live = given(SCHEDULED, STARTED, ANNA_JOINED);

        refused(Refusal.Kind.INVALID, RuleId.TRN_2, live, new ChangePresenter(member(ORGANIZER), member(CO), true, false, true, NOW));
        refused(Refusal.Kind.INVALID, RuleId.TRN_2, live, new GiveKeyboard(member(ORGANIZER), member(CO), true, false, true, NOW));
        var anna = then(live, List.of(new PresenterChanged(SESSION, participant(ANNA))));
        refused(Refusal.Kind.INVALID, RuleId.TRN_2, anna, new ChangePresenter(participant(ANNA), member(CO), false, false, true, NOW));
        refused(Refusal.Kind.INVALID, RuleId.TRN_2, anna, new GiveKeyboard(participant(ANNA), member(CO), false, false, true, NOW));
        // while the account allows co-organizers, they are
        assertEquals(List.of(new PresenterChanged(SESSION, member(CO))), when(live, new ChangePresenter(member(ORGANIZER), member(CO), true, true, true, NOW)));
        assertEquals(List.of(new KeyboardControlGiven(SESSION, member(CO))),
                when(anna, new GiveKeyboard(participant(ANNA), member(CO), false, true, true, NOW)));
    }

    @Test
    void TRN2_whileCoOrganizersAreOffAPresentingCoOrganizerNeitherPassesTheRoleNorGivesControl() {
        var s = given(SCHEDULED, STARTED, ANNA_JOINED, new PresenterChanged(SESSION, member(CO)));

        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_2, s, new ChangePresenter(member(CO), participant(ANNA), true, false, true, NOW));
        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_2, s, new GiveKeyboard(member(CO), participant(ANNA), true, false, true, NOW));
        refused(Refusal.Kind.FORBIDDEN, RuleId.TRN_2, then(s, List.of(new KeyboardControlGiven(SESSION, participant(ANNA)))),
                new TakeBackKeyboard(member(CO), true, false, NOW));
        // the organizer takes the role back
        assertEquals(List.of(new PresenterChanged(SESSION, member(ORGANIZER))),
                when(s, new ChangePresenter(member(ORGANIZER), member(ORGANIZER), true, false, true, NOW)));
    }

    @Test
    void TRN6_participantsJoinWithNoAccount() {
        var s = given(SCHEDULED);

        List<TrainingEvent> events = when(s, new JoinAsParticipant(ANNA, "  Anna  ", CAP, NOW));

        assertEquals(List.of(ANNA_JOINED), events);
        assertEquals(Map.of(ANNA, "Anna"), then(s, events).state().participants());
    }

    @Test
    void TRN6_aParticipantGivesAName() {
        refused(Refusal.Kind.INVALID, RuleId.TRN_6, given(SCHEDULED), new JoinAsParticipant(ANNA, "   ", CAP, NOW));
        refused(Refusal.Kind.INVALID, RuleId.TRN_6, given(SCHEDULED), new JoinAsParticipant(ANNA, "a".repeat(TrainingDecider.MAX_NAME + 1), CAP, NOW));
    }

    @Test
    void TRN6_aFullSessionAdmitsNoMoreParticipantsAndSaysWhy() {
        var full = given(SCHEDULED, ANNA_JOINED, BEN_JOINED);

        Refusal refusal = assertThrows(Refusal.class, () -> TrainingDecider.decide(new JoinAsParticipant(UUID.randomUUID(), "Carl", 2, NOW), full.state()));

        assertEquals(Refusal.Kind.CONFLICT, refusal.kind());
        assertEquals(RuleId.TRN_6, refusal.rule());
        assertTrue(refusal.getMessage().contains("platform.training.max-participants"), refusal.getMessage());
        assertEquals(1, when(given(SCHEDULED, ANNA_JOINED), new JoinAsParticipant(BEN, "Ben", 2, NOW)).size(), "below the cap, one more joins");
        // a participant removed makes room
        assertEquals(1, when(then(full, List.of(new ParticipantRemoved(SESSION, ANNA, ORGANIZER))),
                new JoinAsParticipant(UUID.randomUUID(), "Carl", 2, NOW)).size());
    }

    @Test
    void TRN6_noOneJoinsAnEndedSession() {
        refused(Refusal.Kind.GONE, RuleId.TRN_6, given(SCHEDULED, STARTED, ENDED), new JoinAsParticipant(ANNA, "Anna", CAP, NOW));
    }

    @Test
    void ACC6_aSessionNeverScheduledIsNotFound() {
        refused(Refusal.Kind.NOT_FOUND, RuleId.ACC_6, given(), new Start(ORGANIZER, true, true, NOW));
        refused(Refusal.Kind.NOT_FOUND, RuleId.TRN_6, given(), new JoinAsParticipant(ANNA, "Anna", CAP, NOW));
    }
}
