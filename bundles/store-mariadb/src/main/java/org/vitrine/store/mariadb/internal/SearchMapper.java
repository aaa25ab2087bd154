package org.vitrine.store.mariadb.internal;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Param;

/** What a search index is built from, and the catalog entries of the ids it answers. */
public interface SearchMapper {

    SearchFingerprintRow fingerprint();

    long publicCount();

    List<SearchDocumentRow> publicAfter(@Param("afterId") long afterId, @Param("limit") int limit);

    List<SearchDocumentRow> publicAmong(@Param("ids") Collection<Long> ids);

    List<DocumentTextRow> tagsOf(@Param("ids") Collection<Long> ids);

    List<DocumentTextRow> elementNamesOf(@Param("ids") Collection<Long> ids);

    List<CatalogRow> entries(@Param("ids") Collection<Long> ids);
}
