package org.vitrine.api.documents;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The designers credited on published documents. Only designers with at least one public document are seen
 * here: one known only from taken-down documents is not shown.
 *
 * <p>Threading: thread-safe; calls block on the database.
 */
@ProviderType
public interface DesignerStore {

    /** A page of designers whose name contains the query's text, by name. */
    DesignerPage search(DesignerQuery query);

    /** The designer, or empty when unknown or credited on no public document. */
    Optional<Designer> find(long id);
}
