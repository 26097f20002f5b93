package com.example.accounts.contract.vocabulary;

import java.util.EnumSet;
import java.util.Set;

/** Contact-center roles, held beside the account role, any number of them per member. */
public enum CcRole {
    CONTACT_ADMIN,
    SUPERVISOR,
    AGENT;

    /**
     * CC-2 to CC-4: the permissions that may be set for this role: a supervisor's, an agent's, none for the contact
     * admin (who administers everything, CC-1).
     */
    public Set<CcPermission> permissions() {
        Set<CcPermission> permissions = EnumSet.noneOf(CcPermission.class);
        for (CcPermission permission : CcPermission.values()) {
            if (this == SUPERVISOR && permission.supervisor() || this == AGENT && !permission.supervisor()) {
                permissions.add(permission);
            }
        }
        return permissions;
    }
}
