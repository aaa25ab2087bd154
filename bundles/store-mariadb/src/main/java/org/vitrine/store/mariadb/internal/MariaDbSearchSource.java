package org.vitrine.store.mariadb.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.search.SearchDocument;
import org.vitrine.api.search.SearchSource;

/**
 * The public catalog as search indexes read it: documents with their tags, element names and designers, read a
 * batch at a time (four statements per batch, whatever its size).
 */
@Component(service = {SearchSource.class, MariaDbSearchSource.class})
public class MariaDbSearchSource implements SearchSource {

    private final Database database;

    @Activate
    public MariaDbSearchSource(@Reference Database database) {
        this.database = database;
    }

    /** Public count, sum of public ids, last import of a public document, last takedown. */
    @Override
    public String fingerprint() {
        return MapperSessions.inSession(database, SearchMapper.class, SearchMapper::fingerprint).value();
    }

    @Override
    public long publicCount() {
        return MapperSessions.inSession(database, SearchMapper.class, SearchMapper::publicCount);
    }

    @Override
    public List<SearchDocument> publicDocuments(long afterId, int limit) {
        return complete(MapperSessions.inSession(database, SearchMapper.class, m -> m.publicAfter(afterId, limit)));
    }

    @Override
    public List<SearchDocument> documents(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return complete(MapperSessions.inSession(database, SearchMapper.class, m -> m.publicAmong(ids)));
    }

    private List<SearchDocument> complete(List<SearchDocumentRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(SearchDocumentRow::getId).toList();
        Map<Long, List<String>> tags = new HashMap<>();
        Map<Long, List<String>> elements = new HashMap<>();
        MapperSessions.inTransaction(database, SearchMapper.class, m -> {
            m.tagsOf(ids).forEach(t -> tags.computeIfAbsent(t.getDocumentId(), k -> new ArrayList<>()).add(t.getValue()));
            m.elementNamesOf(ids).forEach(e -> elements.computeIfAbsent(e.getDocumentId(), k -> new ArrayList<>()).add(e.getValue()));
            return null;
        });
        Map<Long, List<CreditRow>> credits = new HashMap<>();
        MapperSessions.inSession(database, DocumentMapper.class, m -> m.designersOfDocuments(ids))
                .forEach(c -> credits.computeIfAbsent(c.getDocumentId(), k -> new ArrayList<>()).add(c));
        return rows.stream().map(r -> {
            List<CreditRow> designers = credits.getOrDefault(r.getId(), List.of());
            return new SearchDocument(r.getId(), r.getName(), r.getDescription(), r.getProvider(), r.getLicence(),
                    tags.getOrDefault(r.getId(), List.of()), elements.getOrDefault(r.getId(), List.of()),
                    designers.stream().map(CreditRow::getDesignerId).toList(),
                    designers.stream().map(CreditRow::getName).toList());
        }).toList();
    }
}
