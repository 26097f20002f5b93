package com.example.accounts.permission.domain;

import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.permission.domain.AccountView.Device;

import static com.example.accounts.permission.domain.Guards.FULL_ADMIN;
import static com.example.accounts.permission.domain.Guards.missingResource;
import static com.example.accounts.permission.domain.Guards.role;

/** Companies, user and device groups, and devices (CMP-1, CMP-3, CMP-4). */
final class CompanyRules {

    private CompanyRules() {
    }

    static Decision groups(Ask a) {
        return role(a.member(), FULL_ADMIN, "CMP-3: full admins manage user and device groups");
    }

    static Decision companies(Ask a) {
        return role(a.member(), FULL_ADMIN, "CMP-1: full admins manage companies");
    }

    /**
     * CMP-4: full admins manage every device; limited admins those of the device groups they supervise. Asked without
     * a device, it is adding one: the account-service lets a limited admin add a device to a device group it
     * supervises, so one that supervises any device group may.
     */
    static Decision devices(Ask a) {
        Device device = null;
        if (a.resource() != null) {
            device = a.account().devices().get(a.resource().id());
            if (device == null) {
                return missingResource(a.resource());
            }
        }
        if (a.member().accountRole() == Role.ADMIN) {
            return Decision.allow("role ADMIN (CMP-4: full admins manage devices)");
        }
        if (a.member().accountRole() != Role.LIMITED_ADMIN) {
            return role(a.member(), FULL_ADMIN, "CMP-4: full admins and supervising limited admins manage devices");
        }
        if (device == null) {
            return a.member().supervisedDeviceGroups().stream().sorted().findFirst()
                    .map(group -> Decision.allow("role LIMITED_ADMIN supervising device group " + group
                            + ": adds devices to the device groups it supervises (CMP-4)"))
                    .orElseGet(() -> Decision.deny("role LIMITED_ADMIN supervising no device group adds and manages no device (CMP-4)",
                            "role ADMIN, or supervision of a device group"));
        }
        return device.deviceGroupId() != null && a.member().supervisedDeviceGroups().contains(device.deviceGroupId())
                ? Decision.allow("role LIMITED_ADMIN supervising device group " + device.deviceGroupId() + " (CMP-4)")
                : Decision.deny("device " + device.deviceId() + " is in no device group this limited admin supervises (CMP-4)",
                        "supervision of the device's group");
    }
}
