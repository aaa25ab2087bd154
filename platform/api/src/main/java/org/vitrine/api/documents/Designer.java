package org.vitrine.api.documents;

/**
 * A person credited on public documents, as stored. Not everything here may be shown publicly: the name is the
 * provider's public attribution, while the avatar and company are a linked account's public profile, shown only
 * when that account allows it (consent purpose {@code social}).
 *
 * @param id            Vitrine's designer id
 * @param provider      where the designer comes from, e.g. {@code onshape}
 * @param name          the name the provider gives them (escape on output)
 * @param avatarUrl     a picture of them (theirs, else their linked account's), or null
 * @param company       their company (theirs, else their linked account's), or null
 * @param accountId     the Vitrine account they are linked to, or null
 * @param documentCount how many public documents credit them
 */
public record Designer(long id, String provider, String name, String avatarUrl, String company, Long accountId,
                       long documentCount) {

    /** The designer with only what may be shown of anybody: no avatar, no company. */
    public Designer withoutProfile() {
        return new Designer(id, provider, name, null, null, accountId, documentCount);
    }
}
