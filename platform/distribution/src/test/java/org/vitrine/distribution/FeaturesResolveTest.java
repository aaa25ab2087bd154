package org.vitrine.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;
import org.vitrine.features.Feature;
import org.vitrine.features.FeatureBundle;
import org.vitrine.features.FeatureReader;
import org.vitrine.launcher.Platform;

/**
 * Every feature of the assembled distribution resolves in a real Felix, with the same system packages as
 * the launcher: a bundle missing from the repository or a package nobody exports fails the build here.
 */
class FeaturesResolveTest {

    private static final Path DIST = Path.of(System.getProperty("vitrine.dist", "target/vitrine"));

    @TempDir
    Path cache;

    @Test
    void every_feature_resolves_against_the_distribution() throws Exception {
        List<Feature> features = new FeatureReader().readAll(DIST.resolve("features"));
        assertTrue(features.stream().anyMatch(f -> f.moduleId().equals(Feature.PLATFORM)), "features/platform.json is missing");
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, Platform.SYSTEM_PACKAGES_EXTRA);
        Framework framework = new FrameworkFactory().newFramework(props);
        framework.init();
        try {
            List<String> problems = new ArrayList<>();
            Map<Bundle, String> owner = new HashMap<>();
            for (Feature feature : features) {
                for (FeatureBundle fb : feature.bundles()) {
                    Path jar = DIST.resolve("repository").resolve(fb.repositoryPath());
                    if (!Files.isRegularFile(jar)) {
                        problems.add(feature.moduleId() + ": " + fb.coordinates() + " is not in the repository "
                                + "(add it to platform/distribution/pom.xml)");
                        continue;
                    }
                    Bundle bundle = framework.getBundleContext().getBundle(jar.toUri().toString());
                    if (bundle == null) {
                        bundle = framework.getBundleContext().installBundle(jar.toUri().toString());
                    }
                    owner.putIfAbsent(bundle, feature.moduleId());
                }
            }
            framework.adapt(FrameworkWiring.class).resolveBundles(owner.keySet());
            for (Bundle bundle : owner.keySet()) {
                if (bundle.getState() == Bundle.INSTALLED) {
                    problems.add(owner.get(bundle) + ": " + bundle.getSymbolicName() + " does not resolve: " + why(bundle));
                }
            }
            assertEquals(List.of(), problems);
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    private static String why(Bundle bundle) {
        try {
            bundle.start(Bundle.START_TRANSIENT);
            return "(resolved on start)";
        } catch (BundleException e) {
            return e.getMessage();
        }
    }
}
