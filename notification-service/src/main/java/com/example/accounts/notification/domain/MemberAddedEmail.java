package com.example.accounts.notification.domain;

/**
 * NTF-1: the email a new member receives: the account's name, who added them, and a sign-in link (existing login)
 * or a choose-a-password link (new login).
 */
public record MemberAddedEmail(String to, String subject, String text) {

    public static MemberAddedEmail of(String to, String memberName, String accountName, String addedBy, boolean newLogin,
                                      String signInLink, String choosePasswordLink) {
        String action = newLogin
                ? "Choose your password to sign in for the first time: " + choosePasswordLink
                : "Sign in with the login you already have: " + signInLink;
        String text = "Hello " + memberName + ",\n\n"
                + addedBy + " added you to the account \"" + accountName + "\".\n\n"
                + action + "\n";
        return new MemberAddedEmail(to, "You were added to " + accountName, text);
    }
}
