package org.vitrine.api.accounts;

import java.util.Set;

import org.vitrine.api.security.Role;

/**
 * What is needed to create an account.
 *
 * @param email        normalised e-mail address
 * @param displayName  shown to others
 * @param firstName    optional
 * @param lastName     optional
 * @param company      optional
 * @param avatarUrl    picture of the person (from a provider); optional
 * @param passwordHash an Argon2id PHC string, or {@code null} for accounts that sign in with a provider only
 * @param roles        roles besides {@link Role#USER}, which every account has
 */
public record NewAccount(String email, String displayName, String firstName, String lastName, String company,
                         String avatarUrl, String passwordHash, Set<Role> roles) {
    public NewAccount {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
