package org.vitrine.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;

/**
 * One Vitrine per data folder. The running instance holds an OS lock on {@code data/vitrine.lock} (released by
 * the OS even after a kill -9) and writes its process id and local URL into it, so a second instance fails at
 * once with a clear message and the CLI can find the running one.
 */
public final class DataDirLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or explains who holds it. */
    public static DataDirLock acquire(Path lockFile) throws IOException, InvalidSettingsException {
        Files.createDirectories(lockFile.getParent());
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            String holder = running(lockFile).map(p -> " (process " + p.getProperty("pid") + ", " + p.getProperty("url") + ")")
                    .orElse("");
            throw new InvalidSettingsException("Another Vitrine is already running on " + lockFile.getParent() + holder
                    + ". Stop it first, or give this one its own data.dir.");
        }
        return new DataDirLock(channel, lock);
    }

    /** Records who holds the lock, for the CLI and for a second instance's error message. */
    public void describe(String url) throws IOException {
        String text = "pid=" + ProcessHandle.current().pid() + "\nurl=" + url + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    /** The lock file's description when a live instance holds the lock; empty when none runs. */
    public static Optional<Properties> running(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe != null) {
                probe.release();
                return Optional.empty();
            }
        }
        Properties props = new Properties();
        try (var reader = Files.newBufferedReader(lockFile, StandardCharsets.UTF_8)) {
            props.load(reader);
        }
        return Optional.of(props);
    }

    @Override
    public void close() throws IOException {
        if (lock.isValid()) {
            lock.release();
        }
        channel.close();
    }
}
