package org.vitrine.features;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The one source of truth for which modules are on: {@code config/modules.properties}, lines of
 * {@code module-id = enabled|disabled}. The REST API, the CLI and a person with an editor all change this
 * file; the platform converges to it. Writes go to a temporary file that is renamed over the old one, so a
 * reader never sees half a file.
 */
public final class ModuleStateFile {

    public static final String FILE_NAME = "modules.properties";
    private static final String HEADER = """
            # Which Vitrine modules are on: one line per module, `id = enabled` or `id = disabled`.
            # The admin page, PUT /api/admin/modules/{id} and `vitrine modules` edit this file; you may edit it
            # by hand too, and the running platform follows within a second. A module not listed here takes its
            # default from its file in features/.
            """;

    private final Path file;

    public ModuleStateFile(Path configFolder) {
        this.file = configFolder.resolve(FILE_NAME);
    }

    public Path path() {
        return file;
    }

    /** The states written in the file; a missing file means no explicit states. */
    public synchronized Map<String, Boolean> read() throws IOException {
        Map<String, Boolean> states = new TreeMap<>();
        if (!Files.exists(file)) {
            return states;
        }
        Properties props = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        }
        for (String id : props.stringPropertyNames()) {
            String value = props.getProperty(id).trim().toLowerCase();
            switch (value) {
                case "enabled", "on", "true" -> states.put(id, true);
                case "disabled", "off", "false" -> states.put(id, false);
                default -> throw new IOException(file + ": module '" + id + "' has state '" + value
                        + "'; use 'enabled' or 'disabled'");
            }
        }
        return states;
    }

    /** The explicit state of one module, if the file names it. */
    public Optional<Boolean> stateOf(String moduleId) throws IOException {
        return Optional.ofNullable(read().get(moduleId));
    }

    /** Sets the given modules' states, keeping every other line's meaning. */
    public synchronized void write(Map<String, Boolean> changes) throws IOException {
        Map<String, Boolean> states = new TreeMap<>(read());
        states.putAll(changes);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".modules", ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write(HEADER);
                for (var entry : states.entrySet()) {
                    out.write(entry.getKey() + " = " + (entry.getValue() ? "enabled" : "disabled") + "\n");
                }
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
