package org.vitrine.api.cad;

/**
 * On whose behalf a provider is called: a person's tokens from their session, or the instance's own
 * credentials when the admin configured some. Providers obtain it from {@link CadProvider#accessFor}.
 *
 * @param accountId the account the work is done for
 * @param sessionId the session holding the person's provider tokens, or null when instance credentials serve
 * @param waitedFor a person is waiting for the result (the import of one pasted address): the provider serves it
 *                  beside its background work, never queued behind it; false for import jobs working through a list
 */
public record ProviderAccess(long accountId, String sessionId, boolean waitedFor) {

    /** Access for background work. */
    public ProviderAccess(long accountId, String sessionId) {
        this(accountId, sessionId, false);
    }

    /** The same access, for work a person is waiting for. */
    public ProviderAccess waited() {
        return new ProviderAccess(accountId, sessionId, true);
    }
}
