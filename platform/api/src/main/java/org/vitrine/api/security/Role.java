package org.vitrine.api.security;

/** What a caller may do beyond reading public content. */
public enum Role {
    USER, MODERATOR, ADMIN
}
