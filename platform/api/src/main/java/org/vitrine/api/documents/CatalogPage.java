package org.vitrine.api.documents;

import java.time.Instant;
import java.util.List;

import org.vitrine.api.blob.BlobInfo;

/**
 * One page of the public catalog.
 *
 * @param items the documents of the page
 * @param total how many documents match
 * @param page  the page number
 * @param size  the page size asked for
 */
public record CatalogPage(List<Entry> items, long total, int page, int size) {

    public CatalogPage {
        items = List.copyOf(items);
    }

    /**
     * A document as the catalog lists it; {@code hasPreview} tells whether a 300x170 preview is stored, and
     * {@code preview} is that image when the store knows it (null otherwise, or when there is none), so that a
     * listing can link to it by its content; {@code designers} are the people credited on it, each once (owner
     * first).
     */
    public record Entry(long id, String name, String provider, String licence, Instant updatedAt, boolean hasPreview,
                        List<DesignerName> designers, BlobInfo preview) {

        public Entry {
            designers = designers == null ? List.of() : List.copyOf(designers);
        }

        /** An entry whose preview image is not known beyond whether there is one. */
        public Entry(long id, String name, String provider, String licence, Instant updatedAt, boolean hasPreview,
                     List<DesignerName> designers) {
            this(id, name, provider, licence, updatedAt, hasPreview, designers, null);
        }

        /** An entry without designers. */
        public Entry(long id, String name, String provider, String licence, Instant updatedAt, boolean hasPreview) {
            this(id, name, provider, licence, updatedAt, hasPreview, List.of());
        }
    }

    /** A designer as a catalog entry names them. */
    public record DesignerName(long id, String name) {
    }
}
