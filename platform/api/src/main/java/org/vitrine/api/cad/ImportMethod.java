package org.vitrine.api.cad;

/** How a person can bring documents in from a provider. */
public enum ImportMethod {
    /** Pick from a list of the person's own documents. */
    PICKER,
    /** Paste the address of a document. */
    URL,
    /** From inside the provider's own application. */
    EMBEDDED
}
