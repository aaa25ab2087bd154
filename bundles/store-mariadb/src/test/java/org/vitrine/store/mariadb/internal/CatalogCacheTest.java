package org.vitrine.store.mariadb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.vitrine.api.documents.CatalogPage;
import org.vitrine.api.documents.CatalogQuery;
import org.vitrine.api.documents.CatalogQuery.Sort;

class CatalogCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final CatalogCache cache = new CatalogCache(60, now::get);
    private final AtomicLong counted = new AtomicLong();
    private final AtomicLong read = new AtomicLong();

    private long total(CatalogQuery query) {
        return cache.total(query, () -> 100 + counted.incrementAndGet());
    }

    private CatalogPage page(CatalogQuery query) {
        return cache.page(query, () -> new CatalogPage(List.of(), read.incrementAndGet(), query.page(), query.size()));
    }

    private static CatalogQuery query(int page, Sort sort, String text) {
        return new CatalogQuery(text, null, null, null, null, sort, page, 24);
    }

    @Test
    void paging_and_sorting_reuse_the_total_counted_for_the_same_filters() {
        assertEquals(101, total(query(0, Sort.RECENT, null)));
        assertEquals(101, total(query(1, Sort.RECENT, null)));
        assertEquals(101, total(query(3, Sort.NAME, null)));
        assertEquals(1, counted.get());
    }

    @Test
    void other_filters_are_counted_on_their_own() {
        total(query(0, Sort.RECENT, null));
        assertEquals(102, total(query(0, Sort.RECENT, "bracket")));
        assertEquals(103, total(new CatalogQuery(null, null, 7L, null, null, Sort.RECENT, 0, 24)));
        assertEquals(102, total(query(2, Sort.RECENT, "bracket")));
    }

    @Test
    void the_same_query_gets_the_page_read_the_first_time() {
        CatalogPage first = page(query(0, Sort.RECENT, "gear"));
        assertSame(first, page(query(0, Sort.RECENT, "gear")));
        assertEquals(1, read.get());
    }

    @Test
    void another_page_order_or_size_is_read_on_its_own() {
        page(query(0, Sort.RECENT, null));
        page(query(1, Sort.RECENT, null));
        page(query(0, Sort.NAME, null));
        page(new CatalogQuery(null, null, null, null, null, Sort.RECENT, 0, 48));
        assertEquals(4, read.get());
    }

    @Test
    void a_change_to_the_catalog_reads_pages_and_totals_again() {
        page(query(0, Sort.RECENT, null));
        total(query(0, Sort.RECENT, null));
        cache.changed();
        page(query(0, Sort.RECENT, null));
        assertEquals(102, total(query(0, Sort.RECENT, null)));
        assertEquals(2, read.get());
    }

    @Test
    void what_was_read_while_the_catalog_changed_is_not_handed_out_again() {
        assertEquals(101, cache.total(query(0, Sort.RECENT, null), () -> {
            cache.changed();
            return 100 + counted.incrementAndGet();
        }));
        assertEquals(102, total(query(0, Sort.RECENT, null)));
    }

    @Test
    void an_entry_is_read_again_after_a_minute() {
        page(query(0, Sort.RECENT, null));
        now.addAndGet(TimeUnit.SECONDS.toNanos(59));
        page(query(0, Sort.RECENT, null));
        assertEquals(1, read.get());
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        page(query(0, Sort.RECENT, null));
        assertEquals(2, read.get());
    }

    @Test
    void a_cache_of_zero_seconds_reads_everything_afresh() {
        cache.maxAge(0);
        page(query(0, Sort.RECENT, null));
        page(query(0, Sort.RECENT, null));
        total(query(0, Sort.RECENT, null));
        assertEquals(102, total(query(0, Sort.RECENT, null)));
        assertEquals(2, read.get());
    }

    @Test
    void a_new_lifetime_forgets_what_was_kept() {
        page(query(0, Sort.RECENT, null));
        cache.maxAge(30);
        page(query(0, Sort.RECENT, null));
        assertEquals(2, read.get());
    }

    @Test
    void a_full_cache_starts_again_rather_than_growing() {
        for (int p = 0; p <= CatalogCache.MAX_PAGES; p++) {
            page(query(p, Sort.RECENT, null));
        }
        page(query(CatalogCache.MAX_PAGES, Sort.RECENT, null));
        assertEquals(CatalogCache.MAX_PAGES + 1, read.get());
        page(query(0, Sort.RECENT, null));
        assertEquals(CatalogCache.MAX_PAGES + 2, read.get());
    }
}
