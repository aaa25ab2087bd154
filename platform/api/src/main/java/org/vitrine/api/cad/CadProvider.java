package org.vitrine.api.cad;

import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of CAD documents, contributed by a module. Everything provider-specific stays behind this interface:
 * the platform never names a provider.
 *
 * <p>Threading: {@link #id()}, {@link #displayName()}, {@link #importMethods()} and {@link #recognise} return
 * quickly and never do I/O. The other methods call the provider over the network: they may block for seconds
 * (they wait out the provider's rate limits, retrying with backoff) but never without end (each call has a deadline
 * for its whole exchange), are called off request threads by import jobs or on request threads by the picker, and
 * may be called concurrently. The picker's calls, and those for an access a person waits for
 * ({@link ProviderAccess#waitedFor()}), must not queue behind import jobs' calls.
 */
@ConsumerType
public interface CadProvider {

    /** Stable id, e.g. {@code onshape}. */
    String id();

    String displayName();

    Set<ImportMethod> importMethods();

    /**
     * Recognises one of this provider's document addresses without any network call.
     *
     * @return the document, or empty when the address is not on this provider's configured hosts
     * @throws org.vitrine.api.problem.DomainException BAD_REQUEST when it is on those hosts but malformed
     */
    Optional<DocumentRef> recognise(String url);

    /**
     * How this provider can act for the account now: with the person's tokens in that session, or with instance
     * credentials; empty when neither is available (the person must connect their provider account).
     */
    Optional<ProviderAccess> accessFor(long accountId, String sessionId);

    /** One page of the person's own documents, optionally filtered by a search text. */
    DocumentPage listDocuments(ProviderAccess access, String query, int page);

    /**
     * Fetches a document with its elements, workspaces, versions and designers.
     *
     * @throws org.vitrine.api.problem.DomainException FORBIDDEN or NOT_FOUND when it cannot be read,
     *         UNAVAILABLE when the provider failed after retries
     */
    FetchedDocument fetch(ProviderAccess access, DocumentRef ref);

    /** Downloads a preview named by the fetched document. */
    Picture fetchPreview(ProviderAccess access, FetchedDocument.PreviewSource preview);

    /** The thumbnail of one of the person's documents, for the import picker; never stored. */
    Picture thumbnail(ProviderAccess access, String externalId);
}
