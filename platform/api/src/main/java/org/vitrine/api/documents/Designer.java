package org.vitrine.api.documents;

/**
 * A person credited on public documents.
 *
 * @param id            Vitrine's designer id
 * @param provider      where the designer comes from, e.g. {@code onshape}
 * @param name          the name shown (escape on output)
 * @param avatarUrl     a picture of them, or null
 * @param company       their company, or null
 * @param documentCount how many public documents credit them
 */
public record Designer(long id, String provider, String name, String avatarUrl, String company, long documentCount) {
}
