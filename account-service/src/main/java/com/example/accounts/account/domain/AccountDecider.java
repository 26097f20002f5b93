package com.example.accounts.account.domain;

import com.example.accounts.account.domain.Account.Member;
import com.example.accounts.account.domain.AccountCommand.AddCompany;
import com.example.accounts.account.domain.AccountCommand.AddDevice;
import com.example.accounts.account.domain.AccountCommand.AddMember;
import com.example.accounts.account.domain.AccountCommand.AssignContactCenterRole;
import com.example.accounts.account.domain.AccountCommand.AssignQueue;
import com.example.accounts.account.domain.AccountCommand.AssignSupervisedGroups;
import com.example.accounts.account.domain.AccountCommand.ChangeBillingInfo;
import com.example.accounts.account.domain.AccountCommand.ChangeCompanyAccess;
import com.example.accounts.account.domain.AccountCommand.ChangeContactCenterRolePermissions;
import com.example.accounts.account.domain.AccountCommand.ChangeContactCenterSettings;
import com.example.accounts.account.domain.AccountCommand.ChangeDevice;
import com.example.accounts.account.domain.AccountCommand.ChangePlan;
import com.example.accounts.account.domain.AccountCommand.ChangeProfile;
import com.example.accounts.account.domain.AccountCommand.ChangeRole;
import com.example.accounts.account.domain.AccountCommand.ChangeSecurityPolicy;
import com.example.accounts.account.domain.AccountCommand.ChangeSettings;
import com.example.accounts.account.domain.AccountCommand.ChangeSupportFeatures;
import com.example.accounts.account.domain.AccountCommand.ChangeUserGroups;
import com.example.accounts.account.domain.AccountCommand.CreateGroup;
import com.example.accounts.account.domain.AccountCommand.CreateQueue;
import com.example.accounts.account.domain.AccountCommand.DefineSecurityPolicy;
import com.example.accounts.account.domain.AccountCommand.DeleteGroup;
import com.example.accounts.account.domain.AccountCommand.DeleteMember;
import com.example.accounts.account.domain.AccountCommand.HandOverBillingContact;
import com.example.accounts.account.domain.AccountCommand.OpenAccount;
import com.example.accounts.account.domain.AccountCommand.ProvisionSeat;
import com.example.accounts.account.domain.AccountCommand.ReleaseSeat;
import com.example.accounts.account.domain.AccountCommand.RemoveCompany;
import com.example.accounts.account.domain.AccountCommand.RemoveDevice;
import com.example.accounts.account.domain.AccountCommand.RenameCompany;
import com.example.accounts.account.domain.AccountCommand.RenameGroup;
import com.example.accounts.account.domain.AccountCommand.RevokeContactCenterRole;
import com.example.accounts.account.domain.AccountCommand.SetSecurityPolicyEnabled;
import com.example.accounts.rules.Refusal;

import java.util.List;

/**
 * Decides what an account command does: the events it records, or the rule that refuses it. Pure. Each family of
 * rules decides in its own file (accounts and billing, members, seats, companies groups and devices, security
 * policies, the contact center); the checks they share are {@link AccountGuards}.
 */
public final class AccountDecider {

    private AccountDecider() {
    }

    public static List<AccountEvent> decide(AccountCommand command, Account state) {
        return switch (command) {
            case OpenAccount open -> AccountAndBillingRules.open(open, state);
            case HandOverBillingContact handOver -> AccountAndBillingRules.handOver(handOver, state);
            case ChangePlan change -> AccountAndBillingRules.changePlan(change, state);
            case ChangeBillingInfo change -> AccountAndBillingRules.changeBillingInfo(change, state);
            case ChangeSettings change -> AccountAndBillingRules.changeSettings(change, state);
            case AddMember add -> MemberRules.addMember(add, state);
            case ChangeRole change -> MemberRules.changeRole(change, state);
            case DeleteMember delete -> MemberRules.deleteMember(delete, state);
            case ChangeCompanyAccess change -> MemberRules.changeCompanyAccess(change, state);
            case ChangeSupportFeatures change -> MemberRules.changeSupportFeatures(change, state);
            case ChangeProfile change -> MemberRules.changeProfile(change, state);
            case ProvisionSeat provision -> SeatRules.provisionSeat(provision, state);
            case ReleaseSeat release -> SeatRules.releaseSeat(release, state);
            case AddCompany add -> CompanyGroupAndDeviceRules.addCompany(add, state);
            case RenameCompany rename -> CompanyGroupAndDeviceRules.renameCompany(rename, state);
            case RemoveCompany remove -> CompanyGroupAndDeviceRules.removeCompany(remove, state);
            case CreateGroup create -> CompanyGroupAndDeviceRules.createGroup(create, state);
            case RenameGroup rename -> CompanyGroupAndDeviceRules.renameGroup(rename, state);
            case DeleteGroup delete -> CompanyGroupAndDeviceRules.deleteGroup(delete, state);
            case ChangeUserGroups change -> CompanyGroupAndDeviceRules.changeUserGroups(change, state);
            case AssignSupervisedGroups assign -> CompanyGroupAndDeviceRules.assignSupervisedGroups(assign, state);
            case AddDevice add -> CompanyGroupAndDeviceRules.addDevice(add, state);
            case ChangeDevice change -> CompanyGroupAndDeviceRules.changeDevice(change, state);
            case RemoveDevice remove -> CompanyGroupAndDeviceRules.removeDevice(remove, state);
            case DefineSecurityPolicy define -> SecurityPolicyRules.define(define, state);
            case ChangeSecurityPolicy change -> SecurityPolicyRules.change(change, state);
            case SetSecurityPolicyEnabled set -> SecurityPolicyRules.setEnabled(set, state);
            case AssignContactCenterRole assign -> ContactCenterRules.assignRole(assign, state);
            case RevokeContactCenterRole revoke -> ContactCenterRules.revokeRole(revoke, state);
            case CreateQueue create -> ContactCenterRules.createQueue(create, state);
            case AssignQueue assign -> ContactCenterRules.assignQueue(assign, state);
            case ChangeContactCenterRolePermissions change -> ContactCenterRules.changeRolePermissions(change, state);
            case ChangeContactCenterSettings change -> ContactCenterRules.changeSettings(change, state);
        };
    }

    /** ACC-6: the acting member, or "no such account" for anyone who is not one. */
    public static Member actor(Account state, String loginId) {
        return AccountGuards.actor(state, loginId);
    }

    /** ACC-6: all that anyone who is not a member learns of an account, the same for every id, real or not. */
    public static Refusal noSuchAccount() {
        return AccountGuards.noSuchAccount();
    }
}
