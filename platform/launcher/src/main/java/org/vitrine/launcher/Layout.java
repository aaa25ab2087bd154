package org.vitrine.launcher;

import java.nio.file.Path;

/**
 * Where an installation keeps its parts. Self-hosters recognise the layout: {@code bin/}, {@code config/},
 * {@code deploy/}, {@code data/} (db, blobs, logs, framework cache), {@code features/} and the bundles in
 * {@code repository/}.
 */
public record Layout(Path home, Path config, Path data, Path deploy, Path features, Path repository) {

    public Path db() {
        return data.resolve("db");
    }

    public Path logs() {
        return data.resolve("logs");
    }

    public Path blobs() {
        return data.resolve("blobs");
    }

    public Path frameworkCache() {
        return data.resolve("framework");
    }

    public Path lockFile() {
        return data.resolve("vitrine.lock");
    }
}
