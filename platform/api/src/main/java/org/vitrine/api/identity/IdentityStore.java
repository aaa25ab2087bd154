package org.vitrine.api.identity;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Provider identities linked to accounts. Never holds tokens.
 *
 * <p>Threading: thread-safe; calls may block on the database.
 */
@ProviderType
public interface IdentityStore {

    Optional<Identity> find(String provider, String externalId);

    List<Identity> ofAccount(long accountId);

    /**
     * Links an identity to an account.
     *
     * @throws org.vitrine.api.problem.DomainException CONFLICT when it is linked to another account already
     */
    Identity link(long accountId, String provider, String externalId, String displayName, String email);

    /** Links designer records of this provider user to the account, so their attribution shows the account. */
    void linkDesigner(String provider, String externalId, long accountId);

    /**
     * Unlinks one of the account's identities; returns it, or empty when the account has no identity with
     * this id (someone else's identity is not found either).
     */
    Optional<Identity> unlink(long accountId, long identityId);
}
