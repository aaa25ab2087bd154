package org.vitrine.search.lucene.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.apache.lucene.store.FSDirectory;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.search.SearchDocument;
import org.vitrine.api.search.SearchHits;
import org.vitrine.api.search.SearchIndex;
import org.vitrine.api.search.SearchRequest;
import org.vitrine.api.search.SearchSource;
import org.vitrine.api.search.SearchStatus;

/**
 * The catalog's search index in {@code data/index}, in this process. At start it compares the fingerprint kept with
 * the index to the database's: when the index is missing, unfinished or older, it is rebuilt in the background and
 * searches go to the database meanwhile. Live changes are visible to the next search at once and committed to disk
 * within a second, with the fingerprint they lead to.
 */
@Component(immediate = true) // opened (and rebuilt if need be) at start, not at the first search
public final class LuceneSearchIndex implements SearchIndex {

    private static final Logger LOG = LoggerFactory.getLogger(LuceneSearchIndex.class);
    static final long COMMIT_DELAY_MS = 1_000;
    static final long FIRST_RETRY_SECONDS = 1;
    static final long MAX_RETRY_SECONDS = 60;

    private final SearchSource source;
    private final Path folder;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vitrine-search-index");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean commitPending = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile LuceneIndex index;
    private volatile IndexRebuild rebuild;
    private volatile SearchStatus.State state = SearchStatus.State.UNAVAILABLE;
    private volatile String reason = "starting";
    private volatile Instant since = Instant.now();
    private volatile long retryDelaySeconds = FIRST_RETRY_SECONDS;
    /** The database's fingerprint as of the last change the index took. */
    private volatile String matched = "";

    @Activate
    public LuceneSearchIndex(BundleContext context, @Reference SearchSource source) {
        this(folderOf(context), source);
    }

    LuceneSearchIndex(Path folder, SearchSource source) {
        this.folder = folder.toAbsolutePath().normalize();
        this.source = source;
        worker.execute(this::open);
    }

    /** {@code data/index} in the data folder the launcher hands over. */
    static Path folderOf(BundleContext context) {
        String data = context.getProperty("vitrine.data.dir");
        return Path.of(data != null ? data : "data").resolve("index");
    }

    @Override
    public String id() {
        return "lucene";
    }

    @Override
    public SearchStatus status() {
        IndexRebuild running = rebuild;
        LuceneIndex open = index;
        long size = open == null ? 0 : open.size();
        return switch (state) {
            case REBUILDING -> new SearchStatus(id(), state, running == null ? 0 : running.indexed(),
                    running == null ? 0 : running.toIndex(), since, reason);
            case READY -> new SearchStatus(id(), state, size, size, since, null);
            case UNAVAILABLE -> new SearchStatus(id(), state, size, size, since, reason);
        };
    }

    @Override
    public Optional<SearchHits> search(SearchRequest request) {
        LuceneIndex open = index;
        if (state != SearchStatus.State.READY || open == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(open.search(request));
        } catch (IOException | RuntimeException e) {
            LOG.warn("The search index could not answer a search; the database answers it", e);
            return Optional.empty();
        }
    }

    @Override
    public void put(Collection<SearchDocument> documents) {
        change(documents.stream().map(SearchDocument::id).toList(), open -> open.put(documents, true));
    }

    @Override
    public void remove(Collection<Long> ids) {
        change(ids, open -> open.remove(ids));
    }

    @Override
    public boolean rebuild() {
        return startRebuild("an administrator asked for it");
    }

    private interface Change {
        void apply(LuceneIndex index) throws IOException;
    }

    private void change(Collection<Long> ids, Change change) {
        LuceneIndex open = index;
        IndexRebuild running = rebuild;
        if (running != null) {
            ids.forEach(running::touched);
        }
        if (open == null) {
            return; // not open yet: the fingerprint differs at opening and the index is rebuilt
        }
        try {
            change.apply(open);
        } catch (IOException e) {
            throw new IllegalStateException("the search index could not be written", e);
        }
        if (running == null) {
            // taken now, right after the change: a fingerprint taken at the commit could take in a change made
            // behind the index's back meanwhile, and hide it from the next start
            matched = fingerprintOrNone();
            if (commitPending.compareAndSet(false, true)) {
                worker.schedule(this::commit, COMMIT_DELAY_MS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The database's fingerprint, or "" (which no start takes for current) when it cannot be read. */
    private String fingerprintOrNone() {
        try {
            return source.fingerprint();
        } catch (RuntimeException e) {
            LOG.debug("The database's fingerprint could not be read; the next start rebuilds the index", e);
            return "";
        }
    }

    private void commit() {
        commitPending.set(false);
        try {
            if (state == SearchStatus.State.READY && rebuild == null && index != null) {
                index.commit(matched);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("The search index could not be committed; it is checked again at the next start", e);
        }
    }

    private void open() {
        try {
            index = openOrRecreate();
        } catch (IOException | RuntimeException e) {
            LOG.error("The search index in {} cannot be opened; searches go to the database", folder, e);
            enter(SearchStatus.State.UNAVAILABLE, "the index files cannot be opened (see the log)");
            return;
        }
        checkCurrent();
    }

    /** Compares the index with the database; the database may still be starting, so this is retried until it answers. */
    private void checkCurrent() {
        String kept = index.fingerprint();
        String current;
        try {
            current = source.fingerprint();
        } catch (RuntimeException e) {
            LOG.debug("The database cannot say yet whether the search index is current", e);
            later(this::checkCurrent, "waiting for the database to say whether the index is current");
            return;
        }
        retryDelaySeconds = FIRST_RETRY_SECONDS;
        if (kept == null) {
            startRebuild("the index is new or its last rebuild did not finish");
        } else if (!kept.equals(current)) {
            startRebuild("the database changed since the index was last written");
        } else {
            enter(SearchStatus.State.READY, null);
            LOG.info("The search index is current ({} documents)", index.size());
        }
    }

    /** Runs {@code task} again after a pause that doubles up to a minute; searches go to the database meanwhile. */
    private void later(Runnable task, String why) {
        enter(SearchStatus.State.UNAVAILABLE, why);
        long delay = retryDelaySeconds;
        retryDelaySeconds = Math.min(MAX_RETRY_SECONDS, delay * 2);
        if (!closing.get()) {
            try {
                worker.schedule(task, delay, TimeUnit.SECONDS);
            } catch (RejectedExecutionException closed) {
                // closing: the next start checks again
            }
        }
    }

    /** Opens the index; files that cannot be read are derived data, so they are removed and the index starts empty. */
    private LuceneIndex openOrRecreate() throws IOException {
        Files.createDirectories(folder);
        try {
            return new LuceneIndex(FSDirectory.open(folder));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("The search index in {} cannot be read; it is built again", folder, e);
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(folder)) {
                        Files.delete(p);
                    }
                }
            }
            return new LuceneIndex(FSDirectory.open(folder));
        }
    }

    private synchronized boolean startRebuild(String why) {
        LuceneIndex open = index;
        if (rebuild != null || open == null || closing.get()) {
            return false;
        }
        IndexRebuild job = new IndexRebuild(open, source);
        rebuild = job;
        enter(SearchStatus.State.REBUILDING, why);
        LOG.info("Rebuilding the search index: {}", why);
        worker.execute(() -> runRebuild(job));
        return true;
    }

    private void runRebuild(IndexRebuild job) {
        long started = System.nanoTime();
        try {
            if (job.run(closing::get)) {
                rebuild = null;
                retryDelaySeconds = FIRST_RETRY_SECONDS;
                enter(SearchStatus.State.READY, null);
                LOG.info("The search index was rebuilt: {} documents in {} ms", job.indexed(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Rebuilding the search index failed; searches go to the database and it is tried again", e);
            rebuild = null;
            later(() -> startRebuild("the last rebuild failed"), "the last rebuild failed (see the log); it is tried again");
        }
    }

    private void enter(SearchStatus.State next, String why) {
        reason = why;
        since = Instant.now();
        state = next;
    }

    /**
     * Stops the worker (a pending commit still runs; a rebuild stops between batches) and closes the index without
     * another commit: the fingerprint on disk stays the one the index was last known to match, so anything that
     * changed behind its back since is noticed at the next start.
     */
    @Deactivate
    void close() {
        closing.set(true);
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("The search index's worker did not stop in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LuceneIndex open = index;
        index = null;
        if (open != null) {
            try {
                open.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("The search index could not be closed cleanly; it is checked at the next start", e);
            }
        }
    }
}
