package org.vitrine.store.mariadb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.vitrine.api.documents.CatalogQuery;
import org.vitrine.api.documents.CatalogQuery.Sort;

class CatalogTotalsTest {

    private final AtomicLong now = new AtomicLong();
    private final CatalogTotals totals = new CatalogTotals(now::get);
    private final AtomicLong counted = new AtomicLong();

    private long total(CatalogQuery query) {
        return totals.total(query, () -> 100 + counted.incrementAndGet());
    }

    private static CatalogQuery page(int page, Sort sort, String text) {
        return new CatalogQuery(text, null, null, null, null, sort, page, 24);
    }

    @Test
    void paging_and_sorting_reuse_the_total_counted_for_the_same_filters() {
        assertEquals(101, total(page(0, Sort.RECENT, null)));
        assertEquals(101, total(page(1, Sort.RECENT, null)));
        assertEquals(101, total(page(3, Sort.NAME, null)));
        assertEquals(1, counted.get());
    }

    @Test
    void other_filters_are_counted_on_their_own() {
        total(page(0, Sort.RECENT, null));
        assertEquals(102, total(page(0, Sort.RECENT, "bracket")));
        assertEquals(103, totals.total(new CatalogQuery(null, null, 7L, null, null, Sort.RECENT, 0, 24), () -> 100 + counted.incrementAndGet()));
        assertEquals(102, total(page(2, Sort.RECENT, "bracket")));
    }

    @Test
    void a_change_to_the_catalog_counts_every_total_again() {
        total(page(0, Sort.RECENT, null));
        totals.changed();
        assertEquals(102, total(page(0, Sort.RECENT, null)));
    }

    @Test
    void a_total_counted_while_the_catalog_changed_is_not_reused() {
        assertEquals(101, totals.total(page(0, Sort.RECENT, null), () -> {
            totals.changed();
            return 100 + counted.incrementAndGet();
        }));
        assertEquals(102, total(page(0, Sort.RECENT, null)));
    }

    @Test
    void a_total_is_counted_again_after_a_minute() {
        total(page(0, Sort.RECENT, null));
        now.addAndGet(TimeUnit.SECONDS.toNanos(59));
        assertEquals(101, total(page(0, Sort.RECENT, null)));
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertEquals(102, total(page(0, Sort.RECENT, null)));
    }
}
