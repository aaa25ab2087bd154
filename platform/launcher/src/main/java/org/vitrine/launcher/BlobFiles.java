package org.vitrine.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The blob store's files as the filesystem blob module lays them out under {@code data/blobs}: {@code ab/cd/<key>}
 * holds the content and {@code <key>.meta} its content type and ETag (the content's SHA-256 in quotes). A blob is
 * replaced by writing a new file and renaming it into place, so an open file never changes under its reader.
 */
final class BlobFiles {

    static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    BlobFiles(Path root) {
        this.root = root;
    }

    /** The keys of every blob present now. */
    List<String> keys() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(name -> KEY.matcher(name).matches()).sorted().toList();
        }
    }

    /** True when the folder holds any file at all. */
    boolean hasAnyFile() throws IOException {
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.anyMatch(Files::isRegularFile);
        }
    }

    Path content(String key) {
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    Path meta(String key) {
        return content(key).resolveSibling(key + ".meta");
    }

    static String metaText(String contentType, String sha256) {
        return contentType + "\n\"" + sha256 + "\"\n";
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
