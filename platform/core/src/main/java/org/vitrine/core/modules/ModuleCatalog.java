package org.vitrine.core.modules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.vitrine.features.Feature;
import org.vitrine.features.FeatureReader;

/**
 * Finds every module: one per feature file in {@code features/}, one per bundle jar in {@code deploy/}.
 * A plugin jar describes itself with manifest headers: {@code Vitrine-Module} (id; defaults to the
 * symbolic name), {@code Bundle-Name}, {@code Bundle-Description}, {@code Vitrine-Module-Category} and
 * {@code Vitrine-Module-Config-Pid}.
 */
final class ModuleCatalog {

    private final Path featuresDir;
    private final Path deployDir;
    private final FeatureReader reader = new FeatureReader();

    ModuleCatalog(Path featuresDir, Path deployDir) {
        this.featuresDir = featuresDir;
        this.deployDir = deployDir;
    }

    /** All modules by id. A broken feature file fails the whole scan: it names the file and the problem. */
    Map<String, KnownModule> scan(List<String> problems) throws IOException {
        Map<String, KnownModule> modules = new LinkedHashMap<>();
        for (Feature feature : reader.readAll(featuresDir)) {
            modules.put(feature.moduleId(), new KnownModule(feature, null, 0));
        }
        for (Path jar : deployJars()) {
            try {
                KnownModule plugin = describe(jar);
                if (modules.containsKey(plugin.id())) {
                    problems.add(jar.getFileName() + ": module id '" + plugin.id() + "' is already taken; ignored");
                } else {
                    modules.put(plugin.id(), plugin);
                }
            } catch (IOException | IllegalArgumentException e) {
                problems.add(jar.getFileName() + ": not a usable bundle: " + e.getMessage());
            }
        }
        return modules;
    }

    private List<Path> deployJars() throws IOException {
        if (!Files.isDirectory(deployDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(deployDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted().toList();
        }
    }

    private static KnownModule describe(Path jar) throws IOException {
        Attributes main;
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getManifest() == null) {
                throw new IllegalArgumentException("no manifest");
            }
            main = file.getManifest().getMainAttributes();
        }
        String bsn = main.getValue("Bundle-SymbolicName");
        if (bsn == null) {
            throw new IllegalArgumentException("no Bundle-SymbolicName in its manifest");
        }
        bsn = bsn.split(";")[0].trim();
        String id = main.getValue("Vitrine-Module") != null ? main.getValue("Vitrine-Module").trim() : bsn;
        Feature feature = new Feature(id,
                or(main.getValue("Bundle-Name"), id),
                or(main.getValue("Bundle-Description"), ""),
                or(main.getValue("Bundle-Version"), "0.0.0"),
                or(main.getValue("Vitrine-Module-Category"), "plugin"),
                false, null, true,
                main.getValue("Vitrine-Module-Config-Pid"),
                id, new ArrayList<>(), Map.of());
        return new KnownModule(feature, jar, Files.getLastModifiedTime(jar).toMillis());
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
