package org.vitrine.blobs.fs.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.health.HealthCheck;
import org.vitrine.api.health.HealthContributor;
import org.vitrine.api.health.HealthStatus;

/**
 * Takes part in {@code GET /api/health} as {@code blobs}: DEGRADED while the blob folder refuses writes (a file is
 * written and removed to find out) or its disk has less free space than {@code health.free.space.min.mb}. Browsing
 * goes on either way (stored previews are still read), which is why it is not DOWN. The answer says what is wrong
 * in plain words; the folder and the system's error are in the log, once per change.
 */
@Component(configurationPid = BlobStoreHealth.PID, property = HealthContributor.MODULE + "=blobs-fs")
@Designate(ocd = BlobSettings.class)
public class BlobStoreHealth implements HealthContributor {

    static final String PID = "org.vitrine.blobs.fs";
    static final String ID = "blobs";
    private static final Logger LOG = LoggerFactory.getLogger(BlobStoreHealth.class);
    private static final long MB = 1024 * 1024;

    private final Path root;
    private volatile long minFreeMb;
    private volatile HealthCheck last;

    @Activate
    public BlobStoreHealth(BundleContext context, BlobSettings settings) {
        this(FileBlobStore.rootOf(context), settings.health_free_space_min_mb());
    }

    BlobStoreHealth(Path root, long minFreeMb) {
        this.root = root.toAbsolutePath().normalize();
        this.minFreeMb = minFreeMb;
    }

    @Modified
    void modified(BlobSettings settings) {
        this.minFreeMb = settings.health_free_space_min_mb();
    }

    @Override
    public HealthCheck check() {
        Probe probe = probe();
        HealthCheck previous = last;
        last = probe.check();
        boolean changed = previous == null ? probe.check().status() != HealthStatus.UP
                : previous.status() != probe.check().status();
        if (changed && probe.check().status() == HealthStatus.UP) {
            LOG.info("Blob store {} is healthy again ({})", root, probe.check().detail());
        } else if (changed) {
            LOG.warn("Blob store {}: {}", root, probe.logged());
        }
        return probe.check();
    }

    /** What the probe found, and what the log says about it (with the folder and the system's error). */
    private record Probe(HealthCheck check, String logged) {
    }

    private Probe probe() {
        try {
            Files.createDirectories(root);
            Files.delete(Files.createTempFile(root, ".health", ".tmp"));
        } catch (IOException | RuntimeException e) {
            return new Probe(new HealthCheck(ID, HealthStatus.DEGRADED,
                    "The blob storage refuses writes: new previews and files cannot be stored."), "refuses writes: " + e);
        }
        long freeMb;
        try {
            freeMb = Files.getFileStore(root).getUsableSpace() / MB;
        } catch (IOException | RuntimeException e) {
            return new Probe(new HealthCheck(ID, HealthStatus.DEGRADED, "The free space of the blob storage cannot be read."),
                    "free space unknown: " + e);
        }
        long min = minFreeMb;
        if (min > 0 && freeMb < min) {
            return new Probe(new HealthCheck(ID, HealthStatus.DEGRADED, "The blob storage has " + freeMb + " MB free, less than the "
                    + min + " MB set as health.free.space.min.mb in blobs-fs.properties."),
                    freeMb + " MB free, less than health.free.space.min.mb = " + min);
        }
        return new Probe(new HealthCheck(ID, HealthStatus.UP, freeMb + " MB free"), null);
    }
}
