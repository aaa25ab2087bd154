package org.vitrine.store.mariadb.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.blob.BlobKey;
import org.vitrine.api.documents.PreviewEntry;
import org.vitrine.api.documents.PreviewStore;

/** Previews for serving, one indexed statement each (see {@code PreviewMapper.xml}). */
@Component
public class MariaDbPreviewStore implements PreviewStore {

    private final Database database;

    @Activate
    public MariaDbPreviewStore(@Reference Database database) {
        this.database = database;
    }

    @Override
    public Optional<PreviewEntry> byBlobKey(BlobKey key) {
        return Optional.ofNullable(MapperSessions.inSession(database, PreviewMapper.class, m -> m.byBlobKey(key.value())))
                .map(PreviewEntryRow::toEntry);
    }

    @Override
    public Optional<PreviewEntry> of(long documentId, String size, String elementExternalId) {
        return Optional.ofNullable(MapperSessions.inSession(database, PreviewMapper.class,
                m -> m.of(documentId, size, elementExternalId))).map(PreviewEntryRow::toEntry);
    }
}
