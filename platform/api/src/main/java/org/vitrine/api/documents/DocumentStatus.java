package org.vitrine.api.documents;

/** Whether a document is shown. */
public enum DocumentStatus {
    /** Shown to anyone. */
    PUBLIC,
    /** Taken down (owner's request, account deletion, moderation): answers 410, kept for integrity. */
    DISABLED
}
