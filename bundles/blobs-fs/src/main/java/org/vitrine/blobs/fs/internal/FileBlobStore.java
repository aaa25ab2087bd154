package org.vitrine.blobs.fs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.vitrine.api.blob.BlobInfo;
import org.vitrine.api.blob.BlobKey;
import org.vitrine.api.blob.BlobStore;

/**
 * Blobs as files under {@code data/blobs}: {@code ab/cd/<key>} holds the content and {@code <key>.meta} its
 * content type and ETag. Keys are hashes (see {@link BlobKey}), so no path is ever built from user input.
 * Content is written to a temporary file and renamed into place: a crash leaves the old content or none.
 */
@Component
public class FileBlobStore implements BlobStore {

    private static final Pattern CONTENT_TYPE = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]*/[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]*");
    private final Path root;

    @Activate
    public FileBlobStore(BundleContext context) {
        this(rootOf(context));
    }

    /** The blob folder: {@code vitrine.blobs.dir} as the launcher hands it over, else {@code data/blobs}. */
    static Path rootOf(BundleContext context) {
        String configured = context.getProperty("vitrine.blobs.dir");
        return Path.of(configured != null ? configured : "data/blobs");
    }

    FileBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public BlobInfo put(BlobKey key, String contentType, InputStream content) throws IOException {
        if (contentType == null || !CONTENT_TYPE.matcher(contentType).matches()) {
            throw new IllegalArgumentException("not a media type: " + contentType);
        }
        Path file = fileOf(key);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".upload", ".tmp");
        try {
            MessageDigest sha = sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                size = content.transferTo(out);
            }
            String etag = "\"" + HexFormat.of().formatHex(sha.digest()) + "\"";
            Path meta = metaOf(key);
            Path metaTemp = Files.createTempFile(file.getParent(), ".meta", ".tmp");
            Files.writeString(metaTemp, contentType + "\n" + etag + "\n", StandardCharsets.UTF_8);
            move(metaTemp, meta);
            move(temp, file);
            return new BlobInfo(key, contentType, size, etag);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<BlobInfo> info(BlobKey key) throws IOException {
        Path file = fileOf(key);
        Path meta = metaOf(key);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        String[] lines = Files.readString(meta, StandardCharsets.UTF_8).split("\n");
        return Optional.of(new BlobInfo(key, lines[0], Files.size(file), lines[1]));
    }

    @Override
    public Optional<InputStream> open(BlobKey key) throws IOException {
        Path file = fileOf(key);
        return Files.isRegularFile(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
    }

    @Override
    public boolean delete(BlobKey key) throws IOException {
        Files.deleteIfExists(metaOf(key));
        return Files.deleteIfExists(fileOf(key));
    }

    private Path fileOf(BlobKey key) {
        String k = key.value();
        return root.resolve(k.substring(0, 2)).resolve(k.substring(2, 4)).resolve(k);
    }

    private Path metaOf(BlobKey key) {
        Path file = fileOf(key);
        return file.resolveSibling(file.getFileName() + ".meta");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
