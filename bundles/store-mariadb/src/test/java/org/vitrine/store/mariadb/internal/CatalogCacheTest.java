package org.vitrine.store.mariadb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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
    void callers_that_miss_together_wait_for_one_read() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = new Thread(() -> cache.page(query(0, Sort.RECENT, "gear"), () -> {
            reading.countDown();
            await(release);
            return new CatalogPage(List.of(), read.incrementAndGet(), 0, 24);
        }));
        first.start();
        reading.await();
        AtomicReference<CatalogPage> second = new AtomicReference<>();
        Thread waiter = new Thread(() -> second.set(page(query(0, Sort.RECENT, "gear"))));
        waiter.start();
        waiter.join(200);
        assertTrue(waiter.isAlive(), "the second caller waits for the first one's read");
        release.countDown();
        first.join();
        waiter.join();
        assertEquals(1, read.get());
        assertEquals(1, second.get().total());
    }

    @Test
    void a_failed_read_reaches_its_caller_and_is_not_kept() {
        IllegalStateException down = new IllegalStateException("database down");
        assertSame(down, assertThrows(IllegalStateException.class, () -> cache.page(query(0, Sort.RECENT, null), () -> {
            throw down;
        })));
        page(query(0, Sort.RECENT, null));
        assertEquals(1, read.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
