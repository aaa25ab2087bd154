package org.vitrine.api.consent;

/** Why processing for a purpose is lawful (GDPR Art. 6(1) (b), (f) and (a)). */
public enum LegalBasis {
    /** Needed to provide the service the person asked for; cannot be refused while they use it. */
    CONTRACT,
    /** The organisation's legitimate interest, which the person may object to. */
    LEGITIMATE_INTEREST,
    /** Only with the person's consent, which they may withdraw at any time. */
    CONSENT
}
