package org.vitrine.it;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes an instance's blob storage refuse every write, also for root (the tests may run as root, which a read-only
 * mode does not stop): the folder is moved aside and a plain file takes its name, so no folder can be made under it.
 * Closing puts the folder back.
 */
record UnwritableBlobs(Path blobs, Path aside) implements AutoCloseable {

    static UnwritableBlobs of(VitrineInstance vitrine) throws Exception {
        Path blobs = vitrine.home.resolve("data").resolve("blobs");
        Path aside = blobs.resolveSibling("blobs-aside");
        Files.createDirectories(blobs);
        Files.move(blobs, aside);
        Files.writeString(blobs, "not a folder");
        return new UnwritableBlobs(blobs, aside);
    }

    @Override
    public void close() throws Exception {
        Files.delete(blobs);
        Files.move(aside, blobs);
    }
}
