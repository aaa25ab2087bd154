package org.vitrine.store.mariadb.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.cad.FetchedDocument;
import org.vitrine.api.documents.CatalogPage;
import org.vitrine.api.documents.CatalogQuery;
import org.vitrine.api.documents.DocumentStore;
import org.vitrine.api.documents.PublishedDocument;
import org.vitrine.api.documents.StoredPreview;
import org.vitrine.api.documents.Takedown;

/**
 * Documents in the {@code documents} table and the tables of their elements, workspaces, versions, tags,
 * designers and previews. An import replaces everything that belongs to the document in one transaction that
 * first locks the document row, so concurrent imports of one document queue up and a reader sees the old
 * document or the new one, never a mix. A document still marked 'importing' is not found.
 */
@Component
public class MariaDbDocumentStore implements DocumentStore {

    private final Database database;
    private final CatalogCache cache;
    private final SearchFeed search;

    @Activate
    public MariaDbDocumentStore(@Reference Database database, @Reference CatalogCache cache, @Reference SearchFeed search) {
        this.database = database;
        this.cache = cache;
        this.search = search;
    }

    @Override
    public long saveImported(FetchedDocument document, List<StoredPreview> previews, long importedBy, String licence) {
        Objects.requireNonNull(document, "document");
        requireKnownElements(document, Objects.requireNonNull(previews, "previews"));
        LocalDateTime now = UtcTimes.now();
        DocumentRow row = DocumentRow.imported(document, importedBy, licence, now);
        String provider = document.ref().provider();
        long saved = MapperSessions.inReadCommittedTransaction(database, DocumentMapper.class, m -> {
            m.upsertDocument(row);
            long id = m.documentId(provider, row.getExternalId());
            // designers before the document's own rows: all locks on shared rows are taken in one order
            List<FetchedDocument.Designer> credits = credits(document.designers());
            if (!credits.isEmpty()) {
                m.upsertDesigners(provider, designersByExternalId(credits), now);
                m.linkDesignersToIdentities(provider, designersByExternalId(credits));
            }
            m.deletePreviews(id);
            m.deleteDesignerLinks(id);
            m.deleteTags(id);
            m.deleteVersions(id);
            m.deleteWorkspaces(id);
            m.deleteElements(id);
            if (!document.elements().isEmpty()) {
                m.insertElements(id, document.elements());
            }
            if (!document.workspaces().isEmpty()) {
                m.insertWorkspaces(id, document.workspaces().stream().map(WorkspaceRow::of).toList());
            }
            if (!document.versions().isEmpty()) {
                m.insertVersions(id, document.versions().stream().map(VersionRow::of).toList());
            }
            if (!row.getTags().isEmpty()) {
                m.insertTags(id, row.getTags());
            }
            if (!credits.isEmpty()) {
                m.insertDesignerLinks(id, provider, credits);
            }
            if (!previews.isEmpty()) {
                m.insertPreviews(id, previewRows(previews, elementIds(m, id)), now);
            }
            return id;
        });
        cache.changed();
        search.changed(List.of(saved));
        return saved;
    }

    @Override
    public Optional<PublishedDocument> find(long id) {
        return read(m -> m.byId(id));
    }

    @Override
    public Optional<PublishedDocument> findByExternalId(String provider, String externalId) {
        return read(m -> m.byExternalId(provider, externalId));
    }

    /**
     * At most three statements whatever the page size: the page, the designers of all its documents at once, and
     * the count; pages and counts are kept until the catalog changes (see {@link CatalogCache}). The page and its
     * designers come from one transaction, so from the same moment.
     */
    @Override
    public CatalogPage search(CatalogQuery query) {
        return cache.page(query, () -> MapperSessions.inTransaction(database, DocumentMapper.class, m -> {
            List<CatalogRow> rows = m.catalogPage(query, (long) query.page() * query.size());
            Map<Long, List<CatalogPage.DesignerName>> designers = new HashMap<>();
            if (!rows.isEmpty()) {
                for (CreditRow credit : m.designersOfDocuments(rows.stream().map(CatalogRow::getId).toList())) {
                    designers.computeIfAbsent(credit.getDocumentId(), k -> new ArrayList<>())
                            .add(new CatalogPage.DesignerName(credit.getDesignerId(), credit.getName()));
                }
            }
            List<CatalogPage.Entry> entries = rows.stream()
                    .map(r -> r.toEntry(designers.getOrDefault(r.getId(), List.of()))).toList();
            return new CatalogPage(entries, cache.total(query, () -> m.catalogCount(query)), query.page(), query.size());
        }));
    }

    @Override
    public List<CatalogPage.Entry> entries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, CatalogRow> rows = new HashMap<>();
        MapperSessions.inSession(database, SearchMapper.class, m -> m.entries(ids)).forEach(r -> rows.put(r.getId(), r));
        Map<Long, List<CatalogPage.DesignerName>> designers = new HashMap<>();
        if (!rows.isEmpty()) {
            MapperSessions.inSession(database, DocumentMapper.class, m -> m.designersOfDocuments(rows.keySet()))
                    .forEach(c -> designers.computeIfAbsent(c.getDocumentId(), k -> new ArrayList<>())
                            .add(new CatalogPage.DesignerName(c.getDesignerId(), c.getName())));
        }
        return ids.stream().map(rows::get).filter(Objects::nonNull)
                .map(r -> r.toEntry(designers.getOrDefault(r.getId(), List.of()))).toList();
    }

    @Override
    public boolean setLicence(long id, String licence) {
        Objects.requireNonNull(licence, "licence");
        boolean changed = MapperSessions.inSession(database, DocumentMapper.class, m -> m.updateLicence(id, licence)) > 0;
        cache.changed();
        search.changed(List.of(id));
        return changed;
    }

    /*
     * Taking down and restoring change what the catalog counts as public: they go through this store, never
     * around it, so whatever the store keeps about the catalog learns of the change here.
     */
    @Override
    public boolean disable(long id, String reason, Instant at) {
        Objects.requireNonNull(at, "at");
        boolean disabled = MapperSessions.inSession(database, DocumentMapper.class, m -> m.disable(id, reason, UtcTimes.toColumn(at))) > 0;
        cache.changed();
        search.changed(List.of(id));
        return disabled;
    }

    @Override
    public Optional<Long> requestDeletion(long id, Long requestedBy, String requestReason, String publicReason, Instant at) {
        LocalDateTime time = UtcTimes.toColumn(Objects.requireNonNull(at, "at"));
        Long request = MapperSessions.inTransaction(database, DocumentMapper.class, m -> {
            if (m.disableOnRequest(id, publicReason, time) == 0) {
                return null;
            }
            m.insertDeletionRequest(id, requestedBy, requestReason, time);
            return m.lastInsertId();
        });
        cache.changed();
        search.changed(List.of(id));
        return Optional.ofNullable(request);
    }

    @Override
    public boolean restore(long id, Instant at) {
        LocalDateTime time = UtcTimes.toColumn(Objects.requireNonNull(at, "at"));
        boolean restored = MapperSessions.inTransaction(database, DocumentMapper.class, m -> {
            if (m.restore(id) == 0) {
                return false;
            }
            m.markDeletionRequestsRestored(id, time);
            return true;
        });
        cache.changed();
        search.changed(List.of(id));
        return restored;
    }

    @Override
    public Optional<Takedown> takedown(long id) {
        return Optional.ofNullable(MapperSessions.inSession(database, DocumentMapper.class, m -> m.takedown(id)))
                .map(TakedownRow::toTakedown);
    }

    private Optional<PublishedDocument> read(Function<DocumentMapper, DocumentRow> query) {
        return Optional.ofNullable(MapperSessions.inTransaction(database, DocumentMapper.class, query))
                .map(DocumentRow::toDocument);
    }

    /** A preview of an element that is not part of the document would silently become a document preview. */
    private static void requireKnownElements(FetchedDocument document, List<StoredPreview> previews) {
        Set<String> elements = new HashSet<>();
        document.elements().forEach(e -> elements.add(e.externalId()));
        for (StoredPreview preview : previews) {
            if (preview.elementExternalId() != null && !elements.contains(preview.elementExternalId())) {
                throw new IllegalArgumentException("preview of element " + preview.elementExternalId()
                        + ", which document " + document.ref().externalId() + " does not have");
            }
        }
    }

    /** Each (designer, role) once, roles in the lower case of the schema's ENUM. */
    private static List<FetchedDocument.Designer> credits(List<FetchedDocument.Designer> designers) {
        Map<List<String>, FetchedDocument.Designer> credits = new LinkedHashMap<>();
        for (FetchedDocument.Designer d : designers) {
            String role = d.role() == null ? null : d.role().toLowerCase(Locale.ROOT);
            credits.putIfAbsent(Arrays.asList(d.externalId(), role), new FetchedDocument.Designer(d.externalId(), d.name(), role));
        }
        return new ArrayList<>(credits.values());
    }

    /** One designer per external id (the first name given), in external-id order. */
    private static List<FetchedDocument.Designer> designersByExternalId(List<FetchedDocument.Designer> credits) {
        Map<String, FetchedDocument.Designer> designers = new TreeMap<>();
        credits.forEach(d -> designers.putIfAbsent(d.externalId(), d));
        return new ArrayList<>(designers.values());
    }

    private static Map<String, Long> elementIds(DocumentMapper mapper, long documentId) {
        Map<String, Long> ids = new HashMap<>();
        mapper.elementIds(documentId).forEach(e -> ids.put(e.getExternalId(), e.getId()));
        return ids;
    }

    private static List<PreviewRow> previewRows(List<StoredPreview> previews, Map<String, Long> elementIds) {
        return previews.stream()
                .map(p -> PreviewRow.of(p, p.elementExternalId() == null ? null : elementIds.get(p.elementExternalId())))
                .toList();
    }
}
