package org.vitrine.it;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.URLEncoder;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Looks for secrets in stored bytes, in every form a careless program might have written one: as given, without
 * its Base64 padding, URL-encoded, in Base64url, as its decoded bytes or their hex, and in UTF-16. Fast enough to
 * read a whole installation (hundreds of megabytes, database files included) in a few seconds.
 */
final class LeakScan {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final Set<String> TEXT_TYPES = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext",
            "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "json");
    private static final int PREFIX = Long.BYTES;

    private record Form(String secret, byte[] bytes) {
    }

    /** Forms by their first eight bytes; a bit per hashed prefix lets most positions be skipped at once. */
    private final Map<Long, List<Form>> byPrefix = new HashMap<>();
    private final long[] seen = new long[1 << 14];

    LeakScan(Collection<String> secrets) {
        for (String secret : secrets) {
            for (byte[] form : forms(secret)) {
                if (form.length < PREFIX) {
                    throw new IllegalArgumentException("too short to look for: " + secret);
                }
                long prefix = (long) LONGS.get(form, 0);
                byPrefix.computeIfAbsent(prefix, p -> new ArrayList<>()).add(new Form(secret, form));
                int bit = bit(prefix);
                seen[bit >>> 6] |= 1L << bit;
            }
        }
    }

    private static List<byte[]> forms(String secret) {
        Set<String> texts = new LinkedHashSet<>(List.of(secret, secret.replaceAll("=+$", ""),
                URLEncoder.encode(secret, StandardCharsets.UTF_8),
                secret.replace('+', '-').replace('/', '_').replaceAll("=+$", "")));
        List<byte[]> forms = new ArrayList<>();
        for (String text : texts) {
            forms.add(text.getBytes(StandardCharsets.UTF_8));
            forms.add(text.getBytes(StandardCharsets.UTF_16LE));
            forms.add(text.getBytes(StandardCharsets.UTF_16BE));
        }
        try {
            byte[] raw = Base64.getDecoder().decode(secret);
            forms.add(raw);
            forms.add(HexFormat.of().formatHex(raw).getBytes(StandardCharsets.US_ASCII));
            forms.add(HexFormat.of().withUpperCase().formatHex(raw).getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException notBase64) {
            // only text forms then
        }
        return forms;
    }

    private static int bit(long prefix) {
        return (int) ((prefix * 0x9E3779B97F4A7C15L) >>> (64 - 20));
    }

    /** The secrets found in the bytes (each once). */
    Set<String> in(byte[] data) {
        Set<String> found = new LinkedHashSet<>();
        for (int i = 0; i + PREFIX <= data.length; i++) {
            long prefix = (long) LONGS.get(data, i);
            int bit = bit(prefix);
            if ((seen[bit >>> 6] & (1L << bit)) == 0) {
                continue;
            }
            for (Form form : byPrefix.getOrDefault(prefix, List.of())) {
                if (matchesAt(data, i, form.bytes())) {
                    found.add(form.secret());
                }
            }
        }
        return found;
    }

    private static boolean matchesAt(byte[] data, int at, byte[] form) {
        if (at + form.length > data.length) {
            return false;
        }
        for (int j = 0; j < form.length; j++) {
            if (data[at + j] != form[j]) {
                return false;
            }
        }
        return true;
    }

    /** Every regular file under the folder that holds a secret, as "relative/path holds abcd…". */
    List<String> inFiles(Path root) throws IOException {
        return inFilesExcept(root, Set.of());
    }

    /** As {@link #inFiles(Path)}, but without the files under the excluded folders (given relative to the root). */
    List<String> inFilesExcept(Path root, Set<Path> excluded) throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> excluded.stream().noneMatch(e -> root.relativize(f).startsWith(e))).toList();
        }
        for (Path file : files) {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (NoSuchFileException gone) {
                continue;
            }
            in(content).forEach(secret -> found.add(root.relativize(file) + " holds " + abbreviated(secret)));
        }
        return found;
    }

    /** How many files {@link #inFiles} reads under the folder, to show that the walk saw them. */
    static long filesUnder(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    /** Every text or binary column of every table of the database that holds a secret, as "table.column holds abcd…". */
    Map<String, Set<String>> inDatabase(Connection db) throws SQLException {
        Map<String, Set<String>> found = new LinkedHashMap<>();
        try (Statement s = db.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name, column_name, data_type FROM information_schema.columns "
                    + "WHERE table_schema = DATABASE()")) {
                while (rs.next()) {
                    if (TEXT_TYPES.contains(rs.getString(3).toLowerCase(Locale.ROOT))) {
                        columns.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            for (String[] column : columns) {
                String name = column[0] + "." + column[1];
                found.put(name, new LinkedHashSet<>());
                try (ResultSet rs = s.executeQuery("SELECT HEX(`" + column[1] + "`) FROM `" + column[0] + "` WHERE `"
                        + column[1] + "` IS NOT NULL")) {
                    while (rs.next()) {
                        in(HexFormat.of().parseHex(rs.getString(1))).forEach(secret -> found.get(name).add(abbreviated(secret)));
                    }
                }
            }
        }
        return found;
    }

    /** Enough of a secret to recognise it in a failure message, not enough to use it. */
    static String abbreviated(String secret) {
        return secret.substring(0, 6) + "…";
    }
}
