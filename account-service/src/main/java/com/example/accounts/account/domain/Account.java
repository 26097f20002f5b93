package com.example.accounts.account.domain;

import com.example.accounts.account.domain.AccountEvent.AccountOpened;
import com.example.accounts.account.domain.AccountEvent.AccountSettingsChanged;
import com.example.accounts.account.domain.AccountEvent.BillingInfoChanged;
import com.example.accounts.account.domain.AccountEvent.BillingContactChanged;
import com.example.accounts.account.domain.AccountEvent.CompanyAccessChanged;
import com.example.accounts.account.domain.AccountEvent.CompanyAdded;
import com.example.accounts.account.domain.AccountEvent.CompanyRemoved;
import com.example.accounts.account.domain.AccountEvent.CompanyRenamed;
import com.example.accounts.account.domain.AccountEvent.PlanChanged;
import com.example.accounts.account.domain.AccountEvent.RoleChanged;
import com.example.accounts.account.domain.AccountEvent.SeatProvisioned;
import com.example.accounts.account.domain.AccountEvent.SeatReleased;
import com.example.accounts.account.domain.AccountEvent.SupportFeaturesChanged;
import com.example.accounts.account.domain.AccountEvent.UserAdded;
import com.example.accounts.account.domain.AccountEvent.UserDeleted;
import com.example.accounts.account.domain.AccountEvent.UserProfileChanged;
import com.example.accounts.account.domain.Vocabulary.BillingInfo;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.Module;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.Role;
import com.example.accounts.account.domain.Vocabulary.Settings;
import com.example.accounts.account.domain.Vocabulary.SupportFeature;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** An account's state, folded from its events. {@link #INITIAL} is the state of an account not opened yet. */
public record Account(UUID id, String name, Plan plan, UUID billingContact, BillingInfo billingInfo, Settings settings,
                      Map<UUID, Member> members, Map<UUID, Company> companies, long version) {

    public static final Account INITIAL = new Account(null, null, null, null, BillingInfo.NONE, Settings.DEFAULTS, Map.of(), Map.of(), 0);

    public record Member(UUID memberId, String loginId, String name, String email, Role role, CompanyAccess companyAccess,
                         Set<SupportFeature> supportFeatures, Set<Module> seats) {
        public Member {
            supportFeatures = supportFeatures.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(supportFeatures));
            seats = seats.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(seats));
        }

        Member withProfile(String newName, String newEmail) {
            return new Member(memberId, loginId, newName, newEmail, role, companyAccess, supportFeatures, seats);
        }

        Member withRole(Role newRole) {
            return new Member(memberId, loginId, name, email, newRole, companyAccess, supportFeatures, seats);
        }

        Member withCompanyAccess(CompanyAccess access) {
            return new Member(memberId, loginId, name, email, role, access, supportFeatures, seats);
        }

        Member withSupportFeatures(Set<SupportFeature> features) {
            return new Member(memberId, loginId, name, email, role, companyAccess, features, seats);
        }

        Member withSeats(Set<Module> newSeats) {
            return new Member(memberId, loginId, name, email, role, companyAccess, supportFeatures, newSeats);
        }
    }

    /** CMP-1: a customer organization the account serves. */
    public record Company(UUID companyId, String name) {
    }

    public boolean opened() {
        return id != null;
    }

    public Optional<Member> memberByLogin(String loginId) {
        return members.values().stream().filter(m -> m.loginId().equals(loginId)).findFirst();
    }

    public Optional<Member> memberByEmail(String email) {
        String wanted = email.toLowerCase(Locale.ROOT);
        return members.values().stream().filter(m -> m.email().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    public Optional<Company> companyByName(String companyName) {
        String wanted = companyName.toLowerCase(Locale.ROOT);
        return companies.values().stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    public long admins() {
        return members.values().stream().filter(m -> m.role() == Role.ADMIN).count();
    }

    public long seatsInUse(Module module) {
        return members.values().stream().filter(m -> m.seats().contains(module)).count();
    }

    public int seatsBought(Module module) {
        return plan.seats().stream().filter(s -> s.module() == module).mapToInt(Vocabulary.SeatCount::seats).findFirst().orElse(0);
    }

    public static Account evolve(Account state, AccountEvent event) {
        Account next = switch (event) {
            case AccountOpened opened -> new Account(opened.accountId(), opened.name(), opened.plan(),
                    opened.billingContactMemberId(), BillingInfo.NONE, Settings.DEFAULTS, Map.of(), Map.of(), state.version());
            case UserAdded added -> state.withMembers(members -> {
                members.put(added.memberId(), new Member(added.memberId(), added.loginId(), added.name(), added.email(), added.role(),
                        added.companyAccess(), Set.copyOf(added.supportFeatures()), Set.of()));
                return members;
            });
            case RoleChanged changed -> state.withMember(changed.memberId(), m -> m.withRole(changed.to()));
            case CompanyAccessChanged changed -> state.withMember(changed.memberId(), m -> m.withCompanyAccess(changed.companyAccess()));
            case SupportFeaturesChanged changed -> state.withMember(changed.memberId(), m -> m.withSupportFeatures(Set.copyOf(changed.supportFeatures())));
            case UserDeleted deleted -> state.withMembers(members -> {
                members.remove(deleted.memberId());
                return members;
            });
            case BillingContactChanged handed -> new Account(state.id(), state.name(), state.plan(), handed.toMemberId(),
                    state.billingInfo(), state.settings(), state.members(), state.companies(), state.version());
            case PlanChanged changed -> new Account(state.id(), state.name(), changed.plan(), state.billingContact(),
                    state.billingInfo(), state.settings(), state.members(), state.companies(), state.version());
            case BillingInfoChanged changed -> new Account(state.id(), state.name(), state.plan(), state.billingContact(),
                    changed.billingInfo(), state.settings(), state.members(), state.companies(), state.version());
            case AccountSettingsChanged changed -> new Account(state.id(), state.name(), state.plan(), state.billingContact(),
                    state.billingInfo(), changed.settings(), state.members(), state.companies(), state.version());
            case UserProfileChanged changed -> state.withMember(changed.memberId(), m -> m.withProfile(changed.name(), changed.email()));
            case SeatProvisioned seat -> state.withMember(seat.memberId(), m -> m.withSeats(with(m.seats(), seat.module())));
            case SeatReleased seat -> state.withMember(seat.memberId(), m -> m.withSeats(without(m.seats(), seat.module())));
            case CompanyAdded added -> state.withCompanies(companies -> {
                companies.put(added.companyId(), new Company(added.companyId(), added.name()));
                return companies;
            });
            case CompanyRenamed renamed -> state.withCompanies(companies -> {
                companies.put(renamed.companyId(), new Company(renamed.companyId(), renamed.name()));
                return companies;
            });
            case CompanyRemoved removed -> state.withCompanies(companies -> {
                companies.remove(removed.companyId());
                return companies;
            }).withMembers(members -> {
                // CMP-2: the company leaves every list; a list it empties reaches no company, never all.
                members.replaceAll((id, m) -> m.companyAccess().companies().contains(removed.companyId())
                        ? m.withCompanyAccess(m.companyAccess().without(removed.companyId())) : m);
                return members;
            });
        };
        return new Account(next.id(), next.name(), next.plan(), next.billingContact(), next.billingInfo(), next.settings(), next.members(),
                next.companies(), state.version() + 1);
    }

    private static Set<Module> with(Set<Module> seats, Module module) {
        Set<Module> changed = EnumSet.noneOf(Module.class);
        changed.addAll(seats);
        changed.add(module);
        return changed;
    }

    private static Set<Module> without(Set<Module> seats, Module module) {
        Set<Module> changed = EnumSet.noneOf(Module.class);
        changed.addAll(seats);
        changed.remove(module);
        return changed;
    }

    private Account withMembers(UnaryOperator<Map<UUID, Member>> change) {
        return new Account(id, name, plan, billingContact, billingInfo, settings, Map.copyOf(change.apply(new LinkedHashMap<>(members))),
                companies, version);
    }

    private Account withMember(UUID memberId, UnaryOperator<Member> change) {
        return withMembers(members -> {
            members.computeIfPresent(memberId, (key, member) -> change.apply(member));
            return members;
        });
    }

    private Account withCompanies(UnaryOperator<Map<UUID, Company>> change) {
        return new Account(id, name, plan, billingContact, billingInfo, settings, members,
                Map.copyOf(change.apply(new LinkedHashMap<>(companies))), version);
    }
}
