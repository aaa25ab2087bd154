package org.vitrine.api.documents;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Which licences the public documents have, for a catalog filter that offers only choices that find something.
 *
 * <p>Threading: thread-safe; calls block on the database and must return quickly (its cost grows with the number
 * of distinct licences, not with the number of documents).
 */
@ProviderType
public interface LicenceUsage {

    /** The licence ids at least one public document has. */
    Set<String> licencesInUse();
}
