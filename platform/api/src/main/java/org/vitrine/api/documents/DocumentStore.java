package org.vitrine.api.documents;

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
     * Gives a document another licence, whatever its status.
     *
     * @param licence an SPDX licence id (the caller checks it)
     * @return false when there is no such document
     */
    boolean setLicence(long id, String licence);
}
