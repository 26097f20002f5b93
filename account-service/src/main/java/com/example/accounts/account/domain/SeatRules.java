package com.example.accounts.account.domain;

import com.example.accounts.account.domain.Account.Member;
import com.example.accounts.account.domain.AccountCommand.ProvisionSeat;
import com.example.accounts.account.domain.AccountCommand.ReleaseSeat;
import com.example.accounts.account.domain.AccountEvent.SeatProvisioned;
import com.example.accounts.account.domain.AccountEvent.SeatReleased;
import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.rules.Refusal;

import java.util.List;

import static com.example.accounts.account.domain.AccountGuards.actor;
import static com.example.accounts.account.domain.AccountGuards.manages;
import static com.example.accounts.account.domain.AccountGuards.member;

/** Seats: provisioned within those bought, for modules of the plan, and contact-center licences (SEAT-1 to SEAT-6, CC-1). Pure. */
final class SeatRules {

    private SeatRules() {
    }

    static List<AccountEvent> provisionSeat(ProvisionSeat provision, Account state) {
        Member actor = actor(state, provision.actorLoginId());
        Member target = member(state, provision.memberId());
        manages(actor, target, RuleId.USR_4, "provision seats");
        Module module = provision.module();
        contactCenterLicence(actor, module);
        if (module == null || !module.seatBearing()) {
            throw Refusal.invalid(RuleId.SEAT_1, "module", module + " is not sold in seats");
        }
        if (!state.plan().modules().contains(module)) {
            throw Refusal.invalid(RuleId.SEAT_5, "module", module + " is not in the account's plan");
        }
        if (!target.role().holdsSeats()) {
            throw Refusal.invalid(RuleId.SEAT_1, "memberId", "monitoring observers never hold seats");
        }
        if (target.seats().contains(module)) {
            return List.of();
        }
        long inUse = state.seatsInUse(module);
        int bought = state.seatsBought(module);
        if (inUse >= bought) {
            throw Refusal.conflict(RuleId.SEAT_2, "module", module + ": " + bought + " seats bought, " + inUse + " in use");
        }
        return List.of(new SeatProvisioned(target.memberId(), module));
    }

    /** CC-1: contact-center licences are given and taken by full admins (contact admins are full admins); limited admins give none. */
    private static void contactCenterLicence(Member actor, Module module) {
        if (module == Module.CONTACT_CENTER && actor.role() != Role.ADMIN) {
            throw Refusal.forbidden(RuleId.CC_1, "only full admins assign contact-center licences; you are " + actor.role());
        }
    }

    static List<AccountEvent> releaseSeat(ReleaseSeat release, Account state) {
        Member actor = actor(state, release.actorLoginId());
        Member target = member(state, release.memberId());
        manages(actor, target, RuleId.USR_4, "release seats");
        contactCenterLicence(actor, release.module());
        return target.seats().contains(release.module()) ? List.of(new SeatReleased(target.memberId(), release.module())) : List.of();
    }

    /** SEAT-6: a member deleted, or made an observer (SEAT-1), gives back every seat it holds. */
    static List<AccountEvent> releaseAll(Member member) {
        return member.seats().stream().<AccountEvent>map(module -> new SeatReleased(member.memberId(), module)).toList();
    }
}
