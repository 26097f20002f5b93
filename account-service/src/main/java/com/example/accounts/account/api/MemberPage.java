package com.example.accounts.account.api;

import com.example.accounts.account.api.AccountResponses.MemberView;
import com.example.accounts.account.domain.Account;
import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.kit.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A page of the member list, ordered by email then id, and the cursor that continues after it. */
public record MemberPage(List<MemberView> items, String next) {

    static final int MAX_LIMIT = 200;

    private static final Comparator<Account.Member> ORDER = Comparator.comparing(Account.Member::email)
            .thenComparing(Account.Member::memberId);

    /** Where a page ends: the last member's email and id, opaque to clients. */
    record Cursor(String email, UUID memberId) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((email + "\n" + memberId).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\n", 2);
                return new Cursor(parts[0], UUID.fromString(parts[1]));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw ProblemException.badRequest("after", "is not a cursor this list gave out");
            }
        }

        boolean before(Account.Member member) {
            int byEmail = email.compareTo(member.email());
            return byEmail < 0 || byEmail == 0 && memberId.compareTo(member.memberId()) < 0;
        }
    }

    static MemberPage of(Account account, Role role, UUID group, UUID company, Module seat, Cursor after, int limit) {
        List<Account.Member> page = account.members().values().stream()
                .filter(m -> role == null || m.role() == role)
                .filter(m -> group == null || m.userGroups().contains(group))
                .filter(m -> company == null || m.companyAccess().all() || m.companyAccess().companies().contains(company))
                .filter(m -> seat == null || m.seats().contains(seat))
                .filter(m -> after == null || after.before(m))
                .sorted(ORDER)
                .limit(limit + 1L)
                .toList();
        boolean more = page.size() > limit;
        List<Account.Member> items = more ? page.subList(0, limit) : page;
        Account.Member last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new MemberPage(items.stream().map(MemberView::of).toList(), more ? new Cursor(last.email(), last.memberId()).encode() : null);
    }
}
