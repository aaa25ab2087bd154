package org.vitrine.api.cad;

import java.time.Instant;
import java.util.List;

/**
 * Everything public about a document, as fetched from its provider for import. Texts come from outside:
 * escape them on output.
 *
 * @param ref                 which document
 * @param name                its name
 * @param description         may be null
 * @param ownerName           the owner's name at the provider
 * @param createdAt           when it was created at the provider
 * @param modifiedAt          when it last changed there
 * @param defaultWorkspaceId  the provider's default workspace; may be null
 * @param tags                tags
 * @param elements            parts, assemblies, drawings, FeatureScript studios, ...
 * @param workspaces          workspaces (branches)
 * @param versions            named versions
 * @param designers           the people who designed it (owner, creator, last modifier)
 * @param previews            previews to download and store, document-level and per element
 */
public record FetchedDocument(DocumentRef ref, String name, String description, String ownerName, Instant createdAt,
                              Instant modifiedAt, String defaultWorkspaceId, List<String> tags, List<Element> elements,
                              List<Workspace> workspaces, List<Version> versions, List<Designer> designers,
                              List<PreviewSource> previews) {

    public FetchedDocument {
        tags = List.copyOf(tags);
        elements = List.copyOf(elements);
        workspaces = List.copyOf(workspaces);
        versions = List.copyOf(versions);
        designers = List.copyOf(designers);
        previews = List.copyOf(previews);
    }

    /** A tab of a document: part studio, assembly, drawing, FeatureScript studio, ... */
    public record Element(String externalId, String name, String type) {
    }

    /** A workspace (branch) of a document. */
    public record Workspace(String externalId, String name, String microversion, Instant createdAt, Instant modifiedAt) {
    }

    /** A named version of a document. */
    public record Version(String externalId, String name, String description, String microversion, String creatorName,
                          Instant createdAt) {
    }

    /**
     * A person who designed the document.
     *
     * @param externalId the provider's user id
     * @param name       the name the provider shows
     * @param role       {@code owner}, {@code creator} or {@code modifier}
     */
    public record Designer(String externalId, String name, String role) {
    }

    /**
     * A preview to download at import.
     *
     * @param elementExternalId the element it shows, or null for the document itself
     * @param size              e.g. {@code 300x170}
     * @param location          provider-specific address the provider module understands
     */
    public record PreviewSource(String elementExternalId, String size, String location) {
    }
}
