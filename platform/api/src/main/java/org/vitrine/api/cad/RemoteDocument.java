package org.vitrine.api.cad;

import java.time.Instant;

/**
 * One of a person's documents at the provider, as the import picker lists it.
 *
 * @param externalId   the provider's document id
 * @param name         its name (provider text: escape on output)
 * @param ownerName    who owns it
 * @param modifiedAt   when it last changed
 * @param hasThumbnail whether a thumbnail can be streamed for it
 */
public record RemoteDocument(String externalId, String name, String ownerName, Instant modifiedAt, boolean hasThumbnail) {
}
