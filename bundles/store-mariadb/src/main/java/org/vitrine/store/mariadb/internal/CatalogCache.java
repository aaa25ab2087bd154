package org.vitrine.store.mariadb.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.vitrine.api.documents.CatalogPage;
import org.vitrine.api.documents.CatalogQuery;
import org.vitrine.api.documents.DocumentStore;

/**
 * Catalog pages and totals as last read, kept until the catalog changes. Everyone who opens the gallery asks for
 * the same first pages and the same popular searches, and a total stays the same while a person pages through:
 * counting reads every matching index entry (100,000 for the unfiltered catalog) and a frequent word's full-text
 * hits take a fifth of a second to rank. Any change made through the {@link DocumentStore} forgets everything;
 * an entry also expires after a while (a minute by default), for changes made behind the store's back (a designer
 * removed, an administrator's SQL). Both maps are bounded: when one is full it starts again empty. Every store of
 * the bundle that changes what the catalog shows (documents, takedowns, account erasure) shares this one cache
 * and calls {@link #changed()} once its transaction has committed.
 */
@Component(service = CatalogCache.class, configurationPid = "org.vitrine.store.mariadb")
public final class CatalogCache {

    static final int MAX_PAGES = 1_000;
    static final int MAX_TOTALS = 10_000;

    private record Filters(String text, String provider, Long designer, String licence, String tag) {
        static Filters of(CatalogQuery q) {
            return new Filters(q.text(), q.provider(), q.designer(), q.licence(), q.tag());
        }
    }

    private record Kept<V>(FutureTask<V> value, long generation, long readAt) {
    }

    private final Map<CatalogQuery, Kept<CatalogPage>> pages = new ConcurrentHashMap<>();
    private final Map<Filters, Kept<Long>> totals = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final LongSupplier clock;
    private volatile long maxAgeNanos;

    @Activate
    public CatalogCache(StoreSettings settings) {
        this(settings.catalog_cache_seconds(), System::nanoTime);
    }

    @Modified
    void modified(StoreSettings settings) {
        maxAge(settings.catalog_cache_seconds());
    }

    CatalogCache(int maxAgeSeconds, LongSupplier clock) {
        this.clock = clock;
        maxAge(maxAgeSeconds);
    }

    /** How long an entry may be reused; 0 reads everything afresh. */
    void maxAge(int seconds) {
        maxAgeNanos = TimeUnit.SECONDS.toNanos(Math.max(0, seconds));
        changed();
    }

    /** The kept page for exactly this query, or the one {@code read} gives now (which is then kept). */
    CatalogPage page(CatalogQuery query, Supplier<CatalogPage> read) {
        return kept(pages, MAX_PAGES, query, read);
    }

    /** The kept total for the query's filters (whatever its page and order), or the one {@code count} gives now. */
    long total(CatalogQuery query, LongSupplier count) {
        return kept(totals, MAX_TOTALS, Filters.of(query), count::getAsLong);
    }

    /** The catalog changed: everything is read again. */
    void changed() {
        generation.incrementAndGet();
        pages.clear();
        totals.clear();
    }

    /**
     * One read per key at a time: callers that miss together (after a change, say) wait for the first one's read
     * rather than all asking the database the same costly question at once.
     */
    private <K, V> V kept(Map<K, Kept<V>> map, int max, K key, Supplier<V> read) {
        long maxAge = maxAgeNanos;
        if (maxAge == 0) {
            return read.get();
        }
        // taken before reading: what is read while the catalog changes is never handed out again
        long current = generation.get();
        long now = clock.getAsLong();
        Kept<V> known = map.get(key);
        if (!fresh(known, current, now, maxAge)) {
            if (map.size() >= max) {
                map.clear();
            }
            Kept<V> mine = new Kept<>(new FutureTask<>(read::get), current, now);
            known = map.compute(key, (k, old) -> fresh(old, current, now, maxAge) ? old : mine);
            if (known == mine) {
                mine.value().run();
            }
        }
        try {
            return known.value().get();
        } catch (ExecutionException e) {
            map.remove(key, known);
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the catalog", e);
        }
    }

    private static boolean fresh(Kept<?> kept, long generation, long now, long maxAge) {
        return kept != null && kept.generation() == generation && now - kept.readAt() < maxAge;
    }
}
