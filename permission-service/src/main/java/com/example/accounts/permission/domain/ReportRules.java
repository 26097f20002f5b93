package com.example.accounts.permission.domain;

import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.permission.domain.AccountView.Device;
import com.example.accounts.permission.domain.AccountView.Session;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static com.example.accounts.permission.domain.Guards.FULL_ADMIN;
import static com.example.accounts.permission.domain.Guards.NON_OBSERVERS;
import static com.example.accounts.permission.domain.Guards.inPlan;
import static com.example.accounts.permission.domain.Guards.missingResource;
import static com.example.accounts.permission.domain.Guards.role;
import static com.example.accounts.permission.domain.Guards.seat;

/** Who sees the reports of the account and of a session (REP-1, TRN-3). */
final class ReportRules {

    private ReportRules() {
    }

    /**
     * REP-1: account reports are the full admins' (account-wide, any session); a technician sees the reports of the
     * support sessions they worked (owned at any time, before a hand-over too), a limited admin those of its groups
     * (worked by a member of a user group it supervises, or to a device of a device group it supervises); observers
     * none. TRN-3: of a training, the organizer, never a co-organizer. The session's module must be in the plan
     * (SEAT-5), and whoever is not a full admin also needs the module's part (the REMOTE_SUPPORT seat, or TRN-1).
     */
    static Decision view(Ask a) {
        if (a.member().accountRole() == Role.MONITORING_OBSERVER) {
            return role(a.member(), NON_OBSERVERS, "REP-1/USR-11: observers see no reports");
        }
        if (a.resource() == null) {
            return role(a.member(), FULL_ADMIN, "REP-1: account reports are the full admins'; others ask about a session they may see");
        }
        Session session = a.account().sessions().get(a.resource().id());
        if (session == null) {
            return missingResource(a.resource());
        }
        boolean training = session.kind().equals(Session.TRAINING);
        Decision module = inPlan(a, training ? Module.TRAINING : Module.REMOTE_SUPPORT, "REP-1");
        if (a.member().accountRole() == Role.ADMIN) {
            return Decision.allOf(module, Decision.allow("role ADMIN (REP-1: account reports are the full admins')"));
        }
        Decision part = training ? TrainingRules.organize(a) : seat(a, Module.REMOTE_SUPPORT);
        Set<UUID> worked = training ? Set.of(session.owner()) : session.workedBy();
        String who = training ? "the organizer of training session " : "a technician who worked support session ";
        if (worked.contains(a.member().memberId())) {
            return Decision.allOf(module, part, Decision.allow(who + session.sessionId() + (training ? " (TRN-3)" : " (REP-1)")));
        }
        if (a.member().accountRole() == Role.LIMITED_ADMIN) {
            Optional<UUID> group = worked.stream().map(a.account()::member).flatMap(Optional::stream)
                    .flatMap(m -> m.userGroups().stream()).filter(a.member().supervisedUserGroups()::contains).sorted().findFirst();
            if (group.isPresent()) {
                return Decision.allOf(module, part, Decision.allow("role LIMITED_ADMIN supervising user group " + group.get()
                        + " of a member who worked session " + session.sessionId() + " (REP-1)"));
            }
            Device device = session.deviceId() == null ? null : a.account().devices().get(session.deviceId());
            if (device != null && device.deviceGroupId() != null && a.member().supervisedDeviceGroups().contains(device.deviceGroupId())) {
                return Decision.allOf(module, part, Decision.allow("role LIMITED_ADMIN supervising device group " + device.deviceGroupId()
                        + " of the session's device (REP-1)"));
            }
            return Decision.allOf(module, part, Decision.deny("session " + session.sessionId()
                    + " was worked by no member of the groups this limited admin supervises, nor to a device of them (REP-1)",
                    "a session of its groups"));
        }
        return Decision.allOf(module, part, training
                ? Decision.deny("not the organizer of training session " + session.sessionId() + " (TRN-3: only the organizer has the after-session features)",
                        "being the session's organizer")
                : Decision.deny("never worked support session " + session.sessionId() + " (REP-1: a technician sees the sessions they worked)",
                        "having worked the session"));
    }
}
