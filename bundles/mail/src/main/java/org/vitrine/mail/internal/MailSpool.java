package org.vitrine.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The messages on disk under {@code data/mail}: {@code outbox/} holds those waiting for the SMTP server,
 * {@code failed/} those that still failed after the last attempt, and {@code data/mail} itself the messages written
 * instead of sent while no SMTP server is configured. Each message is an {@code <id>.eml} file, written to a
 * temporary file and renamed into place, so a crash leaves a whole message or none; delivery attempts are noted in a
 * {@code <id>.state} file beside it. Ids are made here ({@code <UTC time>-<random>}), never taken from input
 * unchecked, so no path is built from what a client sent.
 */
final class MailSpool {

    static final Pattern ID = Pattern.compile("[0-9]{8}T[0-9]{6}Z-[0-9a-f]{12}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where a spooled message is. */
    enum Place {
        OUTBOX, FAILED
    }

    /** Decides, from a message's id and file, whether it goes. */
    interface Selection {
        boolean selects(String id, Path eml) throws IOException;
    }

    /** What the spool knows about one message, without its body. */
    record Entry(String id, Place place, String template, String to, int attempts, String lastError, Instant createdAt,
                 Instant lastAttemptAt) {
    }

    private final Path root;
    private final Path outbox;
    private final Path failed;

    MailSpool(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.outbox = this.root.resolve("outbox");
        this.failed = this.root.resolve("failed");
        Files.createDirectories(outbox);
        Files.createDirectories(failed);
    }

    static String newId(Instant now) {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return TIME.format(now) + "-" + HexFormat.of().formatHex(random);
    }

    static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    Path root() {
        return root;
    }

    /** Puts a message into the outbox. */
    Path spool(String id, byte[] eml) throws IOException {
        return write(outbox.resolve(file(id, ".eml")), eml);
    }

    /** Writes a message to {@code data/mail} instead of sending it (no SMTP server configured). */
    Path keep(String id, byte[] eml) throws IOException {
        return write(root.resolve(file(id, ".eml")), eml);
    }

    /** Moves a message of the outbox to {@code data/mail} (the SMTP server was unconfigured meanwhile). */
    Path keepFromOutbox(String id) throws IOException {
        Path target = root.resolve(file(id, ".eml"));
        move(outbox.resolve(file(id, ".eml")), target);
        Files.deleteIfExists(outbox.resolve(file(id, ".state")));
        return target;
    }

    /** The message's file, if it is in that place. */
    Optional<Path> message(Place place, String id) {
        Path eml = folder(place).resolve(file(id, ".eml"));
        return Files.isRegularFile(eml) ? Optional.of(eml) : Optional.empty();
    }

    /** Ids of the messages waiting in the outbox, oldest first. */
    List<String> outboxIds() throws IOException {
        return ids(outbox);
    }

    /** How many messages failed for good and wait for an admin. */
    int failedCount() throws IOException {
        return ids(failed).size();
    }

    /** Notes a failed attempt beside the message. */
    void recordAttempt(Place place, String id, int attempts, String error, Instant when) throws IOException {
        Properties state = new Properties();
        state.setProperty("attempts", Integer.toString(attempts));
        state.setProperty("lastError", error == null ? "" : error);
        state.setProperty("lastAttemptAt", when.toString());
        StringWriter text = new StringWriter();
        state.store(text, null);
        write(folder(place).resolve(file(id, ".state")), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Deletes a delivered or discarded message. */
    boolean delete(Place place, String id) throws IOException {
        Files.deleteIfExists(folder(place).resolve(file(id, ".state")));
        return Files.deleteIfExists(folder(place).resolve(file(id, ".eml")));
    }

    /** Moves a message with its attempts from one place to the other; false when it is not there. */
    boolean move(String id, Place from, Place to) throws IOException {
        Path eml = folder(from).resolve(file(id, ".eml"));
        if (!Files.isRegularFile(eml)) {
            return false;
        }
        Path state = folder(from).resolve(file(id, ".state"));
        if (Files.isRegularFile(state)) {
            move(state, folder(to).resolve(file(id, ".state")));
        }
        move(eml, folder(to).resolve(file(id, ".eml")));
        return true;
    }

    /**
     * Deletes every message, wherever it is (kept, waiting or failed), that the selection picks, with its attempts.
     *
     * @return how many messages were deleted
     */
    int removeWhere(Selection selection) throws IOException {
        int removed = 0;
        for (Path folder : List.of(root, outbox, failed)) {
            for (String id : ids(folder)) {
                Path eml = folder.resolve(file(id, ".eml"));
                if (Files.isRegularFile(eml) && selection.selects(id, eml)) {
                    Files.deleteIfExists(folder.resolve(file(id, ".state")));
                    removed += Files.deleteIfExists(eml) ? 1 : 0;
                }
            }
        }
        return removed;
    }

    /**
     * Deletes the kept and failed messages written before the cutoff (by the time in their id), and temporary files a
     * crash left behind that old. Messages still waiting in the outbox are left to the sender: they end delivered or
     * failed.
     *
     * @return how many messages were deleted
     */
    int removeOlderThan(Instant cutoff) throws IOException {
        int removed = 0;
        for (Path folder : List.of(root, failed)) {
            for (String id : ids(folder)) {
                if (createdAt(id).isBefore(cutoff)) {
                    Files.deleteIfExists(folder.resolve(file(id, ".state")));
                    removed += Files.deleteIfExists(folder.resolve(file(id, ".eml"))) ? 1 : 0;
                }
            }
        }
        for (Path folder : List.of(root, outbox, failed)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path temp : files.filter(f -> f.getFileName().toString().startsWith(".spool")).toList()) {
                    if (Files.getLastModifiedTime(temp).toInstant().isBefore(cutoff)) {
                        Files.deleteIfExists(temp);
                    }
                }
            }
        }
        return removed;
    }

    /** Every queued and failed message, oldest first. */
    List<Entry> entries() throws IOException {
        List<Entry> all = new ArrayList<>();
        for (Place place : Place.values()) {
            for (String id : ids(folder(place))) {
                entry(place, id).ifPresent(all::add);
            }
        }
        all.sort((a, b) -> a.id().compareTo(b.id()));
        return all;
    }

    Optional<Entry> entry(Place place, String id) throws IOException {
        Path eml = folder(place).resolve(file(id, ".eml"));
        String headers;
        try (InputStream in = Files.newInputStream(eml)) {
            headers = new String(in.readNBytes(16 * 1024), StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        }
        int end = headers.indexOf("\r\n\r\n");
        headers = end < 0 ? headers : headers.substring(0, end);
        Properties state = new Properties();
        Path stateFile = folder(place).resolve(file(id, ".state"));
        if (Files.isRegularFile(stateFile)) {
            try (Reader r = new StringReader(Files.readString(stateFile, StandardCharsets.UTF_8))) {
                state.load(r);
            }
        }
        String lastAttempt = state.getProperty("lastAttemptAt");
        String lastError = state.getProperty("lastError", "");
        return Optional.of(new Entry(id, place, header(headers, JakartaMail.TEMPLATE_HEADER), address(header(headers, "To")),
                Integer.parseInt(state.getProperty("attempts", "0")), lastError.isEmpty() ? null : lastError,
                createdAt(id),
                lastAttempt == null ? null : Instant.parse(lastAttempt)));
    }

    private static Instant createdAt(String id) {
        return Instant.from(TIME.parse(id.substring(0, 16)));
    }

    /** The value of a header in the header block (unfolded), or null. */
    private static String header(String headers, String name) {
        String unfolded = headers.replaceAll("\r\n[ \t]+", " ");
        for (String line : unfolded.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** The bare address of a To header such as {@code Ann <ann@example.org>}. */
    private static String address(String to) {
        if (to == null) {
            return null;
        }
        int open = to.lastIndexOf('<');
        int close = to.lastIndexOf('>');
        return open >= 0 && close > open ? to.substring(open + 1, close) : to;
    }

    private Path folder(Place place) {
        return place == Place.OUTBOX ? outbox : failed;
    }

    private static String file(String id, String suffix) {
        if (!validId(id)) {
            throw new IllegalArgumentException("not a message id: " + id);
        }
        return id + suffix;
    }

    private static List<String> ids(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".eml"))
                    .map(n -> n.substring(0, n.length() - 4)).filter(MailSpool::validId).sorted().toList();
        }
    }

    private static Path write(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".spool", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temp, target);
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
