package org.vitrine.core.modules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;
import org.vitrine.features.FeatureBundle;

/**
 * Installs, starts and stops the bundles of one module. It never refreshes packages globally: stopping a
 * module leaves every other bundle alone, and removing a plugin refreshes that plugin only.
 */
final class ModuleSwitcher {

    private final BundleContext context;
    private final Path repository;

    ModuleSwitcher(BundleContext context, Path repository) {
        this.context = context;
        this.repository = repository;
    }

    /**
     * Where a feature bundle is installed from: by reference, so the framework reads the jar in the repository
     * instead of copying it. The launcher installs kernel bundles the same way ({@link FeatureBundle#location}).
     */
    String location(FeatureBundle bundle) {
        return bundle.location(repository);
    }

    static String location(Path deployJar) {
        return deployJar.toAbsolutePath().toUri().toString();
    }

    /** Installs what is missing and starts everything; the exception says which bundle failed and why. */
    void start(KnownModule module) throws BundleException, IOException {
        List<Bundle> bundles = new ArrayList<>();
        if (module.isDeployed()) {
            bundles.add(installOrUpdate(module.deployJar()));
        } else {
            for (FeatureBundle fb : module.feature().bundles()) {
                bundles.add(install(fb));
            }
        }
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders().get("Fragment-Host") == null && bundle.getState() != Bundle.ACTIVE) {
                bundle.start();
            }
        }
    }

    /** The jars of the module's bundles: the plugin's jar in {@code deploy/}, or the feature's in the repository. */
    List<Path> jars(KnownModule module) {
        if (module.isDeployed()) {
            return List.of(module.deployJar());
        }
        return module.feature().bundles().stream().map(fb -> repository.resolve(fb.repositoryPath())).toList();
    }

    /** The locations of the module's bundles, in install order. */
    Set<String> locations(KnownModule module) {
        return new java.util.LinkedHashSet<>(locationList(module));
    }

    private List<String> locationList(KnownModule module) {
        List<String> locations = new ArrayList<>();
        if (module.isDeployed()) {
            locations.add(location(module.deployJar()));
        } else {
            module.feature().bundles().forEach(fb -> locations.add(location(fb)));
        }
        return locations;
    }

    /** Stops the module's bundles, except those another module still needs. */
    void stop(KnownModule module, Set<String> locationsStillNeeded) throws BundleException {
        List<String> locations = locationList(module);
        // stop in reverse install order: the module's own bundles before the libraries they use
        for (int i = locations.size() - 1; i >= 0; i--) {
            Bundle bundle = context.getBundle(locations.get(i));
            if (bundle != null && !locationsStillNeeded.contains(locations.get(i))
                    && bundle.getHeaders().get("Fragment-Host") == null) {
                bundle.stop();
            }
        }
    }

    /** Uninstalls a plugin whose jar left {@code deploy/}, refreshing only that bundle and its dependents. */
    void uninstall(String location) throws BundleException, InterruptedException {
        Bundle bundle = context.getBundle(location);
        if (bundle == null) {
            return;
        }
        bundle.uninstall();
        CountDownLatch refreshed = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), e -> refreshed.countDown());
        refreshed.await(10, TimeUnit.SECONDS);
    }

    /** Locations of installed plugin bundles (those installed from {@code deploy/}). */
    List<String> installedPluginLocations(Path deployDir) {
        String prefix = deployDir.toAbsolutePath().toUri().toString();
        List<String> found = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(prefix)) {
                found.add(bundle.getLocation());
            }
        }
        return found;
    }

    private Bundle install(FeatureBundle fb) throws BundleException {
        String location = location(fb);
        Bundle existing = context.getBundle(location);
        if (existing != null) {
            return existing;
        }
        if (!Files.isRegularFile(repository.resolve(fb.repositoryPath()))) {
            throw new BundleException("bundle " + fb.coordinates() + " is not in the repository ("
                    + repository.resolve(fb.repositoryPath()) + ")");
        }
        return context.installBundle(location);
    }

    private Bundle installOrUpdate(Path jar) throws BundleException, IOException {
        String location = location(jar);
        Bundle existing = context.getBundle(location);
        // the framework keeps its own copy, so the jar may later be deleted or replaced
        try (InputStream in = Files.newInputStream(jar)) {
            if (existing == null) {
                return context.installBundle(location, in);
            }
            if (existing.getLastModified() < Files.getLastModifiedTime(jar).toMillis()) {
                existing.update(in);
                CountDownLatch refreshed = new CountDownLatch(1);
                context.getBundle(0).adapt(FrameworkWiring.class)
                        .refreshBundles(List.of(existing), e -> refreshed.countDown());
                try {
                    refreshed.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return existing;
        }
    }
}
