package org.vitrine.api.accounts;

/** What a token sent by e-mail proves or allows, each with its own lifetime. */
public enum EmailTokenPurpose {
    /** Proves that the account's address reaches its owner. */
    VERIFY,
    /** Allows choosing a new password without the old one. */
    RESET,
    /** Proves that a new address, asked for by the signed-in owner, reaches them; redeeming it changes the address. */
    EMAIL_CHANGE
}
