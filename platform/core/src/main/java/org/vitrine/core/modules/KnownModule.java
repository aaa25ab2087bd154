package org.vitrine.core.modules;

import java.nio.file.Path;

import org.vitrine.features.Feature;

/**
 * A module the platform knows of: described by a feature file, or a plugin jar dropped into {@code deploy/}
 * (then {@code deployJar} is set and the feature holds what the jar's manifest says about itself).
 */
record KnownModule(Feature feature, Path deployJar, long deployJarModified) {

    String id() {
        return feature.moduleId();
    }

    boolean isDeployed() {
        return deployJar != null;
    }

    boolean isPlatform() {
        return Feature.PLATFORM.equals(id());
    }
}
