package org.vitrine.blobs.fs.internal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The disk holding the blob folder as meters, {@code vitrine_blobs_disk_free_bytes} and
 * {@code vitrine_blobs_disk_total_bytes}, so that a trend can warn days before the disk is full (the folder's own disk,
 * or before the folder is made, its parent's). Without a path label: the folder's place on the server is not shown.
 */
@Component(immediate = true)
public class BlobSpaceMetrics {

    private final MeterRegistry registry;
    private final List<Gauge> gauges;

    @Activate
    public BlobSpaceMetrics(BundleContext context, @Reference MeterRegistry registry) {
        this.registry = registry;
        Path root = FileBlobStore.rootOf(context).toAbsolutePath().normalize();
        this.gauges = List.of(
                gauge(registry, root, "vitrine.blobs.disk.free", "Free space for blobs on their disk", FileStore::getUsableSpace),
                gauge(registry, root, "vitrine.blobs.disk.total", "Size of the disk holding the blobs", FileStore::getTotalSpace));
    }

    private static Gauge gauge(MeterRegistry registry, Path root, String name, String description,
                               Space value) {
        return Gauge.builder(name, root, r -> {
            try {
                return value.of(Files.getFileStore(existing(r)));
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
        }).description(description).baseUnit("bytes").strongReference(true).register(registry);
    }

    /** The folder, or before it is made its nearest parent that exists: the disk is the same. */
    private static Path existing(Path folder) {
        Path p = folder;
        while (p.getParent() != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }

    /** One measure of a disk. */
    private interface Space {
        long of(FileStore disk) throws IOException;
    }

    @Deactivate
    void deactivate() {
        gauges.forEach(registry::remove);
    }
}
