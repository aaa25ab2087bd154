package org.vitrine.api.accounts;

import java.util.List;

/**
 * One page of accounts, for admins.
 *
 * @param items the accounts of the page
 * @param total how many accounts match
 * @param page  the page number, from 0
 * @param size  the page size asked for
 */
public record AccountPage(List<Account> items, long total, int page, int size) {
    public AccountPage {
        items = List.copyOf(items);
    }
}
