package org.vitrine.api.accounts;

/** Whether an account may sign in. */
public enum AccountStatus {
    ACTIVE, DISABLED, DELETED
}
