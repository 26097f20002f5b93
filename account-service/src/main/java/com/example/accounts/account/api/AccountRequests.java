package com.example.accounts.account.api;

import com.example.accounts.contract.vocabulary.CcPermission;
import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.PolicyPermission;
import com.example.accounts.contract.vocabulary.QueueRole;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.contract.vocabulary.SupportFeature;
import com.example.accounts.kit.RequestShape;
import com.example.accounts.kit.RequestShape.Required;

import java.util.List;
import java.util.UUID;

/**
 * Request bodies. Unknown fields are refused (SEC-2, quarkus.jackson.fail-on-unknown-properties); a body missing a
 * {@link Required} field or holding a null in a list is refused before it becomes a command ({@link RequestShape}).
 */
public final class AccountRequests {

    private AccountRequests() {
    }

    public record OpenAccountRequest(String name, PlanBody plan, AdminBody admin) {
    }

    public record PlanBody(List<Module> modules, List<SeatBody> seats) {
    }

    public record SeatBody(Module module, Integer seats) {
    }

    public record AdminBody(String name, String email) {
    }

    public record AddMemberRequest(String name, String email, Role role, CompanyAccessBody companyAccess,
            List<SupportFeature> supportFeatures, String language) {
    }

    public record CompanyAccessBody(Boolean all, List<UUID> companies) {
    }

    public record ChangeRoleRequest(Role role) {
    }

    public record BillingContactRequest(UUID memberId) {
    }

    public record SupportFeaturesRequest(List<SupportFeature> supportFeatures) {
    }

    public record CompanyRequest(String name) {
    }

    public record BillingInfoRequest(String address, String email, String vatId, String paymentMethodRef) {
    }

    public record SettingsRequest(@Required Boolean serverInviteEmails, @Required Boolean coOrganizers, @Required String defaultLanguage) {
    }

    public record ProfileRequest(String name, String email) {
    }

    public record GroupRequest(String name) {
    }

    public record UserGroupsRequest(List<UUID> userGroups) {
    }

    public record SupervisedGroupsRequest(List<UUID> userGroups, List<UUID> deviceGroups) {
    }

    public record DeviceRequest(String name, UUID companyId, UUID deviceGroupId) {
    }

    public record QueueRequest(String name) {
    }

    public record QueueAssignmentRequest(QueueRole role) {
    }

    public record CcPermissionsRequest(List<CcPermission> permissions) {
    }

    public record CcSettingsRequest(Boolean restrictUnassignedQueueLogin) {
    }

    public record SecurityPolicyRequest(String name, String description, List<PolicyPermission> permissions) {
    }
}
