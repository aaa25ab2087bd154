package org.vitrine.api.cad;

/**
 * On whose behalf a provider is called: a person's tokens from their session, or the instance's own
 * credentials when the admin configured some. Providers obtain it from {@link CadProvider#accessFor}.
 *
 * @param accountId the account the work is done for
 * @param sessionId the session holding the person's provider tokens, or null when instance credentials serve
 */
public record ProviderAccess(long accountId, String sessionId) {
}
