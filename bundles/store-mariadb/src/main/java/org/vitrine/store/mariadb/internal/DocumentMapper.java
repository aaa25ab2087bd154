package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Param;
import org.vitrine.api.cad.FetchedDocument;

/**
 * SQL for documents and everything that belongs to them lives in DocumentMapper.xml beside this interface.
 * The rows of a document (elements, workspaces, versions, tags, designer links, previews) are replaced as a
 * whole: deleted, then inserted again in the order given.
 */
public interface DocumentMapper {

    /**
     * Inserts the document, or updates the one with the same provider and external id in place, keeping its
     * id, licence, importer, creation time and (unless still 'importing') status; either way the row stays
     * locked until the transaction ends.
     */
    void upsertDocument(DocumentRow row);

    Long documentId(@Param("provider") String provider, @Param("externalId") String externalId);

    /** Inserts or renames designers, keeping their account links; pass them sorted by external id. */
    void linkDesignersToIdentities(@Param("provider") String provider, @Param("designers") Collection<FetchedDocument.Designer> designers);

    void upsertDesigners(@Param("provider") String provider, @Param("designers") Collection<FetchedDocument.Designer> designers,
                         @Param("now") LocalDateTime now);

    int deletePreviews(@Param("documentId") long documentId);

    int deleteDesignerLinks(@Param("documentId") long documentId);

    int deleteTags(@Param("documentId") long documentId);

    int deleteVersions(@Param("documentId") long documentId);

    int deleteWorkspaces(@Param("documentId") long documentId);

    int deleteElements(@Param("documentId") long documentId);

    /** Inserts the elements at their list positions. */
    void insertElements(@Param("documentId") long documentId, @Param("elements") List<FetchedDocument.Element> elements);

    List<ElementRow> elementIds(@Param("documentId") long documentId);

    void insertWorkspaces(@Param("documentId") long documentId, @Param("workspaces") List<WorkspaceRow> workspaces);

    void insertVersions(@Param("documentId") long documentId, @Param("versions") List<VersionRow> versions);

    void insertTags(@Param("documentId") long documentId, @Param("tags") Collection<String> tags);

    /** Links the document to the designers of this provider with these external ids, each with its role. */
    void insertDesignerLinks(@Param("documentId") long documentId, @Param("provider") String provider,
                             @Param("credits") Collection<FetchedDocument.Designer> credits);

    void insertPreviews(@Param("documentId") long documentId, @Param("previews") List<PreviewRow> previews,
                        @Param("now") LocalDateTime now);

    /** The document with all its rows, unless it is still being imported; {@code null} otherwise. */
    DocumentRow byId(@Param("id") long id);

    DocumentRow byExternalId(@Param("provider") String provider, @Param("externalId") String externalId);

    long catalogCount(@Param("q") org.vitrine.api.documents.CatalogQuery query);

    List<CatalogRow> catalogPage(@Param("q") org.vitrine.api.documents.CatalogQuery query, @Param("offset") long offset);

    /** The designers of these documents, in one query: each (document, designer) once, owners first. */
    List<CreditRow> designersOfDocuments(@Param("ids") Collection<Long> documentIds);

    /** Returns the number of matched rows. */
    int updateLicence(@Param("id") long id, @Param("licence") String licence);
}
