package org.vitrine.api.consent;

/** Where a decision came from, recorded with it as proof of consent. */
public enum ConsentSource {
    /** The cookie banner shown on a first visit or after a new policy version. */
    BANNER,
    /** The privacy settings page. */
    SETTINGS,
    /** The browser's Global Privacy Control signal. */
    GPC,
    /** The registration form. */
    REGISTRATION,
    /** A visitor's decision attached to their account when they signed in. */
    SIGNIN
}
