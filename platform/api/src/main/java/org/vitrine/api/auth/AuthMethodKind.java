package org.vitrine.api.auth;

/** How a sign-in method interacts with the person. */
public enum AuthMethodKind {
    /** Credentials posted from a form (e-mail and password). */
    FORM,
    /** A redirect to a provider and back (OAuth2). */
    REDIRECT
}
