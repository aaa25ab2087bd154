package org.vitrine.api.documents;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.vitrine.api.cad.FetchedDocument;

/**
 * Published documents, their elements, workspaces, versions, designers and previews.
 *
 * <p>Threading: thread-safe; calls block on the database.
 */
@ProviderType
public interface DocumentStore {

    /**
     * Saves an imported document with everything that belongs to it in one transaction, so a half-imported
     * document is never visible. Importing the same document again (same provider and external id) updates it
     * in place and keeps its id and licence; designers are matched by provider user id.
     *
     * @param importedBy the importing account
     * @param licence    the SPDX licence to give a new document (an existing one keeps its own)
     * @return the document's id
     */
    long saveImported(FetchedDocument document, List<StoredPreview> previews, long importedBy, String licence);

    /** The document whatever its status; empty when unknown. */
    Optional<PublishedDocument> find(long id);

    Optional<PublishedDocument> findByExternalId(String provider, String externalId);

    /** A page of public documents matching the query (disabled documents never appear). */
    CatalogPage search(CatalogQuery query);

    /**
     * The catalog entries of those of these documents that are public, in the order of {@code ids} (a search index
     * answers ids; the entries come from here).
     */
    List<CatalogPage.Entry> entries(List<Long> ids);

    /**
     * Gives a document another licence, whatever its status.
     *
     * @param licence an SPDX licence id (the caller checks it)
     * @return false when there is no such document
     */
    boolean setLicence(long id, String licence);

    /**
     * Takes a public document down: it stays in the database, answers 410, and leaves the catalog, search and
     * designer counts. Any kept catalog totals are forgotten.
     *
     * @param reason the short public reason (at most 1000 characters)
     * @return false when there is no such public document (unknown, importing or already taken down)
     */
    boolean disable(long id, String reason, Instant at);

    /**
     * Records a request to remove a document and takes it down in one transaction (a document already taken
     * down stays down, with this reason and its first time).
     *
     * @param requestedBy   the asking account, or null (the operations token)
     * @param requestReason what the person wrote, for admins; may be null
     * @param publicReason  the short public reason
     * @return the deletion request's id, or empty when there is no such document
     */
    Optional<Long> requestDeletion(long id, Long requestedBy, String requestReason, String publicReason, Instant at);

    /**
     * Shows a taken-down document again; standing deletion requests for it are marked restored.
     *
     * @return false when there is no such taken-down document
     */
    boolean restore(long id, Instant at);

    /** Why a document is taken down; empty when it is not (or is unknown). */
    Optional<Takedown> takedown(long id);
}
