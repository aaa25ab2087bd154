package org.vitrine.api.documents;

import java.time.Instant;
import java.util.List;

import org.vitrine.api.cad.FetchedDocument;

/**
 * A document as Vitrine keeps and shows it.
 *
 * @param id                  Vitrine's id
 * @param provider            where it comes from
 * @param externalId          the provider's id
 * @param name                name (escape on output)
 * @param description         may be null
 * @param ownerName           the owner's name at the provider
 * @param createdAt           created at the provider
 * @param modifiedAt          last changed at the provider
 * @param defaultWorkspaceId  may be null
 * @param sourceUrl           link back to the provider; may be null
 * @param licence             SPDX id
 * @param status              shown or taken down
 * @param importedBy          the account that imported it. Deleting that account keeps the id: it still names the
 *                            account's row, which stays with status deleted and its personal data erased (the
 *                            document itself is taken down). Null only when the row itself is gone from the database
 * @param updatedAt           when Vitrine last imported it
 * @param tags                tags
 * @param elements            elements
 * @param workspaces          workspaces
 * @param versions            versions
 * @param designers           designers, with their Vitrine designer ids
 * @param previews            stored previews
 */
public record PublishedDocument(long id, String provider, String externalId, String name, String description,
                                String ownerName, Instant createdAt, Instant modifiedAt, String defaultWorkspaceId,
                                String sourceUrl, String licence, DocumentStatus status, Long importedBy, Instant updatedAt,
                                List<String> tags, List<FetchedDocument.Element> elements,
                                List<FetchedDocument.Workspace> workspaces, List<FetchedDocument.Version> versions,
                                List<DesignerCredit> designers, List<StoredPreview> previews) {

    /**
     * A designer credited on a document.
     *
     * @param designerId Vitrine's designer id
     * @param externalId the provider's user id
     * @param name       the name shown
     * @param role       owner, creator or modifier
     * @param accountId  the Vitrine account of that person, when linked; else null
     */
    public record DesignerCredit(long designerId, String externalId, String name, String role, Long accountId) {
    }
}
