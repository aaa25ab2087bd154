package org.vitrine.store.mariadb.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.vitrine.api.documents.CatalogQuery;

/**
 * How many public documents match each set of filters, counted once and kept until the catalog changes. Counting
 * reads every matching index entry (100,000 of them for the unfiltered catalog), far more than the page itself,
 * and the total stays the same while a person pages through. Any change made through the document store forgets
 * every total; a total also expires after a minute, for changes made behind the store's back (a designer removed,
 * an administrator's SQL).
 */
final class CatalogTotals {

    private static final long MAX_AGE_NANOS = TimeUnit.MINUTES.toNanos(1);
    static final int MAX_ENTRIES = 10_000;

    private record Filters(String text, String provider, Long designer, String licence, String tag) {
        static Filters of(CatalogQuery q) {
            return new Filters(q.text(), q.provider(), q.designer(), q.licence(), q.tag());
        }
    }

    private record Total(long value, long generation, long countedAt) {
    }

    private final Map<Filters, Total> totals = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final LongSupplier clock;

    CatalogTotals() {
        this(System::nanoTime);
    }

    CatalogTotals(LongSupplier clock) {
        this.clock = clock;
    }

    /** The known total for the query's filters, or the one {@code count} gives now (which is then kept). */
    long total(CatalogQuery query, LongSupplier count) {
        Filters filters = Filters.of(query);
        // read before counting: a change while counting leaves a total that no later read will take
        long current = generation.get();
        long now = clock.getAsLong();
        Total known = totals.get(filters);
        if (known != null && known.generation() == current && now - known.countedAt() < MAX_AGE_NANOS) {
            return known.value();
        }
        long value = count.getAsLong();
        if (totals.size() >= MAX_ENTRIES) {
            totals.clear();
        }
        totals.put(filters, new Total(value, current, now));
        return value;
    }

    /** The catalog changed: every total is counted again. */
    void changed() {
        generation.incrementAndGet();
        totals.clear();
    }
}
