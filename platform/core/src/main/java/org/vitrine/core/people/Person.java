package org.vitrine.core.people;

import java.util.List;

import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountActivity;
import org.vitrine.api.identity.Identity;

/**
 * What admins see about one account: never a password hash, a secret or a token.
 *
 * @param account      the account
 * @param activity     last sign-in and imports
 * @param identities   its provider identities
 * @param hasPassword  whether it can sign in with a password
 * @param twoFactor    whether a second factor is on
 * @param liveSessions how many sessions are signed in now
 */
public record Person(Account account, AccountActivity activity, List<Identity> identities, boolean hasPassword,
                     boolean twoFactor, int liveSessions) {
}
