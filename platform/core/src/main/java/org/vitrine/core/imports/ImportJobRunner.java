package org.vitrine.core.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.blob.BlobInfo;
import org.vitrine.api.blob.BlobKey;
import org.vitrine.api.blob.BlobStore;
import org.vitrine.api.cad.CadProvider;
import org.vitrine.api.cad.DocumentRef;
import org.vitrine.api.cad.FetchedDocument;
import org.vitrine.api.cad.Picture;
import org.vitrine.api.cad.ProviderAccess;
import org.vitrine.api.documents.DocumentStore;
import org.vitrine.api.documents.StoredPreview;
import org.vitrine.api.identity.ReconnectRequired;
import org.vitrine.api.imports.ImportJob;
import org.vitrine.api.imports.ImportJob.ItemState;
import org.vitrine.api.imports.ImportJob.JobState;
import org.vitrine.api.imports.ImportJobStore;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.ratelimit.TooManyRequestsException;
import org.vitrine.core.licences.Licences;

/**
 * Runs import jobs in the background, a few documents at a time. Each document is fetched, its previews are
 * stored, and only then is it saved, in one transaction, so a half-imported document is never visible.
 * Re-importing updates the same document. A long rate-limit wait from the provider pauses the job and says
 * until when; a missing token pauses it until its owner signs in with the provider again; a blob storage that
 * refuses writes (full, read-only) pauses it too, and it is tried again with a growing delay until the storage
 * works, so no document fails for it. A document the provider could not give for a passing reason (it did not answer
 * in time, a server error) is tried again after a growing delay, {@value #ATTEMPTS} times in all, then fails with
 * that reason; no wait for a document is longer than {@link #DOCUMENT_DEADLINE}. The import of one pasted address
 * is work a person waits for: it runs apart from the import jobs' workers and calls the provider beside them. Jobs
 * left unfinished by a restart are picked up again. Failures are recorded per document with a reason fit to show people (never a
 * server path or an exception's text: those go to the log); {@link #retryFailed} runs a finished job's failed
 * documents again.
 */
@Component(service = ImportJobRunner.class, immediate = true)
public class ImportJobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobRunner.class);
    static final int CONCURRENCY = 4;
    static final int ATTEMPTS = 3;
    /**
     * The longest wait for one document. The provider bounds each call (its deadline and attempts), so this is a
     * safety net: a document still not done is abandoned (its worker interrupted) and tried again later.
     */
    static final java.time.Duration DOCUMENT_DEADLINE = java.time.Duration.ofMinutes(15);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final ImportJobStore jobs;
    private final DocumentStore documents;
    private final BlobStore blobs;
    private final CadProviders providers;
    private final Licences licences;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    /** Runs the jobs a person waits for (one pasted address), never queued behind the others. */
    private final ExecutorService waited;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    /** Jobs that must not be tried before a time, because the provider asked us to wait. */
    private final java.util.Map<Long, Instant> notBefore = new ConcurrentHashMap<>();
    /** Jobs paused because the storage refused a write: how many times in a row, for the delay before the next try. */
    private final java.util.Map<Long, Integer> storageRefusals = new ConcurrentHashMap<>();
    /** Jobs whose documents the provider could not give for a passing reason: how many rounds in a row, for the delay. */
    private final java.util.Map<Long, Integer> providerFailures = new ConcurrentHashMap<>();
    static final long RETRY_FIRST_WAIT_SECONDS = 5;
    static final long RETRY_MAX_WAIT_SECONDS = 300;

    @Activate
    public ImportJobRunner(@Reference ImportJobStore jobs, @Reference DocumentStore documents, @Reference BlobStore blobs,
                           @Reference CadProviders providers, @Reference Licences licences) {
        this.jobs = jobs;
        this.documents = documents;
        this.blobs = blobs;
        this.providers = providers;
        this.licences = licences;
        this.scheduler = Executors.newScheduledThreadPool(2, named("vitrine-imports"));
        this.workers = Executors.newFixedThreadPool(CONCURRENCY, named("vitrine-import-worker"));
        this.waited = Executors.newFixedThreadPool(2, named("vitrine-import-waited"));
        // unfinished jobs (a restart, a pause) are looked at again regularly
        scheduler.scheduleWithFixedDelay(this::resumeUnfinished, 2, 15, TimeUnit.SECONDS);
    }

    /** Stops taking work and lets documents being saved finish, before the database goes away. */
    @Deactivate
    void deactivate() throws InterruptedException {
        scheduler.shutdownNow();
        waited.shutdownNow();
        workers.shutdownNow();
        if (!workers.awaitTermination(10, TimeUnit.SECONDS) || !waited.awaitTermination(1, TimeUnit.SECONDS)) {
            LOG.warn("Import workers still busy after 10 s; their documents are imported again at the next start");
        }
    }

    /** Starts (or continues) a job in the background; one a person waits for (a pasted address) runs apart from the others. */
    public void start(ImportJob job) {
        (waitedFor(job) ? waited : scheduler).execute(() -> run(job.id()));
    }

    /** Whether a person waits for the job: the import of one pasted address, rather than a list chosen in the picker. */
    static boolean waitedFor(ImportJob job) {
        return job.items().size() == 1 && job.items().get(0).sourceUrl() != null;
    }

    /** Runs the job again after a delay, where it runs. */
    private void later(ImportJob job, long seconds) {
        scheduler.schedule(() -> start(job), seconds, TimeUnit.SECONDS);
    }

    /**
     * Runs the failed documents of a finished job again, in the background. Documents and previews are keyed by the
     * provider's ids, so a document that is imported on the second try is stored once.
     *
     * @return how many documents will be tried again: 0 when the job is not finished or nothing in it failed
     */
    public int retryFailed(long jobId) {
        int requeued = jobs.retryFailed(jobId);
        if (requeued > 0) {
            LOG.info("Import job {}: {} failed documents queued again", jobId, requeued);
            jobs.find(jobId).ifPresent(this::start);
        }
        return requeued;
    }

    private void resumeUnfinished() {
        try {
            Instant now = Instant.now();
            for (ImportJob job : jobs.unfinished()) {
                Instant wait = notBefore.get(job.id());
                if (!running.contains(job.id()) && (wait == null || !now.isBefore(wait))) {
                    if (waitedFor(job)) {
                        start(job);
                    } else {
                        run(job.id());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not look at unfinished imports: {}", e.getMessage());
        }
    }

    private void run(long jobId) {
        if (!running.add(jobId)) {
            return;
        }
        notBefore.remove(jobId);
        try {
            ImportJob job = jobs.find(jobId).orElse(null);
            if (job == null || job.state() == JobState.COMPLETED || job.state() == JobState.FAILED) {
                return;
            }
            Optional<CadProvider> provider = providers.find(job.provider());
            if (provider.isEmpty()) {
                pause(job, "The " + job.provider() + " module is switched off; the import goes on when it is on again.");
                return;
            }
            Optional<ProviderAccess> access = provider.get().accessFor(job.accountId(), null);
            if (access.isEmpty()) {
                // a job stopped because the grant was revoked keeps saying so until its owner reconnects
                if (!reconnectReason(provider.get()).equals(job.reason())) {
                    pause(job, "Waiting for the person who started this import to sign in with " + provider.get().displayName() + " again.");
                }
                return;
            }
            jobs.updateJob(jobId, JobState.RUNNING, null);
            List<Future<?>> work = new ArrayList<>();
            for (ImportJob.Item item : job.items()) {
                if (item.state() == ItemState.PENDING || item.state() == ItemState.RUNNING) {
                    if (waitedFor(job)) {
                        // the person's own document, on this thread, with the provider's capacity for people who wait
                        FutureTask<?> now = new FutureTask<>(() -> importItem(provider.get(), access.get().waited(), job, item), null);
                        now.run();
                        work.add(now);
                    } else {
                        work.add(workers.submit(() -> importItem(provider.get(), access.get(), job, item)));
                    }
                }
            }
            long waitSeconds = 0;
            String waitReason = null;
            boolean signInNeeded = false;
            boolean revoked = false;
            String storageReason = null;
            for (Future<?> f : work) {
                try {
                    f.get(DOCUMENT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // the document stays pending (or its worker records the interruption) and is tried again later
                    LOG.warn("Import job {}: a document took longer than {}; abandoned, it is tried again later", jobId, DOCUMENT_DEADLINE);
                    f.cancel(true);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TooManyRequestsException limit) {
                        waitSeconds = Math.max(waitSeconds, limit.retryAfterSeconds());
                        waitReason = limit.getMessage();
                    } else if (e.getCause() instanceof NeedsSignIn needs) {
                        // several documents may meet the refusal at once: a revoked grant is the reason to show
                        revoked |= needs.revoked;
                        signInNeeded = true;
                    } else if (e.getCause() instanceof StorageRefused refused) {
                        storageReason = refused.getMessage();
                    }
                }
            }
            if (signInNeeded) {
                pause(job, revoked ? reconnectReason(provider.get()) : "Waiting for the person who started this "
                        + "import to sign in with " + provider.get().displayName() + " again.");
                return;
            }
            if (storageReason != null) {
                int refusals = storageRefusals.merge(jobId, 1, Integer::sum);
                long wait = retryWaitSeconds(refusals);
                Instant resume = Instant.now().plusSeconds(wait);
                notBefore.put(jobId, resume);
                pause(job, storageReason + " The import goes on by itself when it can; next try at " + TIME.format(resume) + ".");
                later(job, wait);
                return;
            }
            storageRefusals.remove(jobId);
            if (waitSeconds > 0) {
                Instant resume = Instant.now().plusSeconds(waitSeconds);
                notBefore.put(jobId, resume);
                pause(job, waitReason + " Resuming at " + TIME.format(resume) + ".");
                later(job, waitSeconds);
                return;
            }
            ImportJob after = jobs.find(jobId).orElseThrow();
            // an item still marked running was abandoned at the document deadline: it is tried again too
            long pending = after.items().stream().filter(i -> i.state() == ItemState.PENDING || i.state() == ItemState.RUNNING).count();
            if (pending > 0) {
                // the provider failed for a passing reason (each item says which): tried again, later each round
                long wait = retryWaitSeconds(providerFailures.merge(jobId, 1, Integer::sum));
                Instant resume = Instant.now().plusSeconds(wait);
                notBefore.put(jobId, resume);
                jobs.updateJob(jobId, JobState.RUNNING, pending + (pending == 1 ? " document" : " documents") + " could not be "
                        + "fetched yet; next try at " + TIME.format(resume) + ".");
                later(job, wait);
                return;
            }
            providerFailures.remove(jobId);
            long failed = after.items().stream().filter(i -> i.state() == ItemState.FAILED).count();
            jobs.updateJob(jobId, JobState.COMPLETED, failed == 0 ? null : failed + " of " + after.total() + " documents could not be imported.");
            LOG.info("Import job {} completed: {} imported, {} failed", jobId, after.total() - failed, failed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Import job {} stopped unexpectedly; it will be retried", jobId, e);
        } finally {
            running.remove(jobId);
        }
    }

    private void importItem(CadProvider provider, ProviderAccess access, ImportJob job, ImportJob.Item item) {
        jobs.updateItem(item.id(), ItemState.RUNNING, null, null);
        try {
            FetchedDocument document = provider.fetch(access, new DocumentRef(provider.id(), item.source(), item.sourceUrl()));
            List<StoredPreview> previews = new ArrayList<>();
            for (FetchedDocument.PreviewSource source : document.previews()) {
                storePreview(provider, access, document, source).ifPresent(previews::add);
            }
            long id = documents.saveImported(document, previews, job.accountId(), licences.defaultLicence());
            jobs.updateItem(item.id(), ItemState.DONE, null, id);
        } catch (TooManyRequestsException limit) {
            jobs.updateItem(item.id(), ItemState.PENDING, null, null);
            throw limit;
        } catch (StorageRefused refused) {
            // not the document's fault: it waits, with the job, for the storage to work again
            jobs.updateItem(item.id(), ItemState.PENDING, null, null);
            throw refused;
        } catch (DomainException e) {
            switch (e.kind()) {
                case CONFLICT, UNAUTHORIZED -> {
                    jobs.updateItem(item.id(), ItemState.PENDING, null, null);
                    throw new NeedsSignIn(e instanceof ReconnectRequired);
                }
                case UNAVAILABLE -> {
                    boolean last = item.attempts() + 1 >= ATTEMPTS;
                    jobs.updateItem(item.id(), last ? ItemState.FAILED : ItemState.PENDING,
                            last ? e.getMessage() + " Tried " + ATTEMPTS + " times; \"Retry failed\" tries again." : e.getMessage(), null);
                }
                default -> jobs.updateItem(item.id(), ItemState.FAILED, e.getMessage(), null);
            }
        } catch (RuntimeException e) {
            LOG.error("Importing {} {} failed", provider.id(), item.source(), e);
            jobs.updateItem(item.id(), ItemState.FAILED, "Unexpected failure; the error was logged.", null);
        }
    }

    private Optional<StoredPreview> storePreview(CadProvider provider, ProviderAccess access, FetchedDocument document,
                                                 FetchedDocument.PreviewSource source) {
        try {
            Picture picture = provider.fetchPreview(access, source);
            BlobKey key = BlobKey.derive(provider.id(), document.ref().externalId(),
                    source.elementExternalId() == null ? "" : source.elementExternalId(), source.size());
            BlobInfo info = blobs.put(key, picture.contentType(), new ByteArrayInputStream(picture.bytes()));
            return Optional.of(new StoredPreview(source.elementExternalId(), source.size(), info));
        } catch (DomainException e) {
            if (e instanceof TooManyRequestsException || e.kind() == DomainException.Kind.UNAUTHORIZED
                    || e.kind() == DomainException.Kind.CONFLICT) {
                throw e;
            }
            LOG.info("Preview {} of {} skipped: {}", source.size(), document.ref().externalId(), e.getMessage());
            return Optional.empty();
        } catch (IOException e) {
            // the path and the system's error are for the administrator; the person gets the reason in plain words
            LOG.error("Could not store preview {} of {} {} in the blob store", source.size(), provider.id(),
                    document.ref().externalId(), e);
            throw new StorageRefused(StorageFailures.previewNotStored(e));
        }
    }

    private void pause(ImportJob job, String reason) {
        if (job.state() != JobState.PAUSED || !reason.equals(job.reason())) {
            LOG.info("Import job {} paused: {}", job.id(), reason);
        }
        jobs.updateJob(job.id(), JobState.PAUSED, reason);
    }

    /** Why a job stopped when the provider refused its owner's grant (revoked at the provider). */
    static String reconnectReason(CadProvider provider) {
        return provider.displayName() + " no longer accepts the access of the person who started this import (it was "
                + "revoked): reconnect " + provider.displayName() + " from the account page and the import goes on.";
    }

    /**
     * The delay before trying a job again after the storage refused it, or the provider failed some of its documents,
     * this many times in a row: 5 s, doubling, at most 5 min.
     */
    static long retryWaitSeconds(int refusals) {
        int doublings = Math.min(Math.max(refusals - 1, 0), 16);
        return Math.min(RETRY_MAX_WAIT_SECONDS, RETRY_FIRST_WAIT_SECONDS << doublings);
    }

    /** The blob storage refused a write (full, read-only): the job waits for it. The message is fit to show people. */
    private static final class StorageRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StorageRefused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The provider needs its owner to sign in again before the job can go on. */
    private static final class NeedsSignIn extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean revoked;

        NeedsSignIn(boolean revoked) {
            this.revoked = revoked;
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
