package org.vitrine.core.modules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.modules.Module;
import org.vitrine.api.modules.ModuleRegistry;
import org.vitrine.api.modules.ModuleState;
import org.vitrine.api.problem.DomainException;
import org.vitrine.core.accounts.AdminSignInGuard;
import org.vitrine.core.config.ModuleConfigDelivery;
import org.vitrine.features.ModuleStateFile;

/**
 * Makes the running platform match the files: modules described in {@code features/} and {@code deploy/},
 * their states in {@code config/modules.properties}, their settings in {@code config/<id>.properties}. It
 * looks at those folders four times a second and converges on any change, so the REST API, the CLI and a
 * hand edit all take the same path. All work happens on one thread, so two changes never interleave.
 */
@Component(service = ModuleRegistry.class, immediate = true)
public class ModuleReconciler implements ModuleRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleReconciler.class);
    private static final long WATCH_MILLIS = 250;

    private final ModuleCatalog catalog;
    private final ModuleSwitcher switcher;
    private final ModuleStateFile stateFile;
    private final ModuleConfigDelivery configs;
    private final Path[] watchedDirs;
    private final Path deployDir;
    private final ScheduledExecutorService worker;
    private final CountDownLatch firstPass = new CountDownLatch(1);

    private volatile Map<String, Module> states = Map.of();
    private Map<String, KnownModule> known = Map.of();
    private String lastFingerprint = "";

    private final AdminSignInGuard signInGuard;

    @Activate
    public ModuleReconciler(BundleContext context, @Reference ConfigurationAdmin configAdmin,
                            @Reference AdminSignInGuard signInGuard) {
        this.signInGuard = signInGuard;
        Path configDir = dir(context, "vitrine.config.dir", "config");
        Path featuresDir = dir(context, "vitrine.features.dir", "features");
        this.deployDir = dir(context, "vitrine.deploy.dir", "deploy");
        this.catalog = new ModuleCatalog(featuresDir, deployDir);
        this.switcher = new ModuleSwitcher(context, dir(context, "vitrine.repository.dir", "repository"));
        this.stateFile = new ModuleStateFile(configDir);
        this.configs = new ModuleConfigDelivery(configAdmin, configDir);
        this.watchedDirs = new Path[] {featuresDir, deployDir, configDir};
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vitrine-modules");
            t.setDaemon(true);
            return t;
        });
        worker.scheduleWithFixedDelay(this::watch, 0, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    @Override
    public List<Module> list() {
        awaitFirstPass();
        return List.copyOf(states.values());
    }

    @Override
    public Optional<Module> find(String id) {
        awaitFirstPass();
        return Optional.ofNullable(states.get(id));
    }

    @Override
    public Module setEnabled(String id, boolean enabled) {
        awaitFirstPass();
        try {
            return worker.submit(() -> switchModule(id, enabled)).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("switching module " + id + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "Switching '" + id + "' is taking longer than a minute; check the log.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "interrupted while switching '" + id + "'");
        }
    }

    private Module switchModule(String id, boolean enabled) throws IOException {
        reconcile();
        KnownModule module = known.get(id);
        if (module == null) {
            throw DomainException.notFound("There is no module '" + id + "'.");
        }
        if (module.isPlatform()) {
            throw DomainException.conflict("The platform kernel is always on.");
        }
        if (!enabled && module.feature().required()) {
            String group = module.feature().exclusiveGroup();
            throw DomainException.conflict("'" + id + "' is required and cannot be disabled"
                    + (group == null ? "." : "; enable another module of the '" + group + "' group to replace it."));
        }
        Map<String, Boolean> changes = new LinkedHashMap<>();
        changes.put(id, enabled);
        if (enabled) {
            known.values().stream().filter(other -> !other.id().equals(id) && ModuleDecisions.sameGroup(module, other))
                    .forEach(other -> changes.put(other.id(), false));
        }
        for (var change : changes.entrySet()) {
            if (!change.getValue()) {
                KnownModule leaving = known.get(change.getKey());
                signInGuard.vetoStopping(leaving.id(), switcher.locations(leaving)).ifPresent(reason -> {
                    throw DomainException.conflict(reason);
                });
            }
        }
        stateFile.write(changes);
        reconcile();
        lastFingerprint = fingerprint();
        return states.get(id);
    }

    private void watch() {
        try {
            String fingerprint = fingerprint();
            if (!fingerprint.equals(lastFingerprint)) {
                lastFingerprint = fingerprint;
                reconcile();
            }
        } catch (Throwable t) {
            LOG.error("Could not apply the module configuration; keeping the current state", t);
        } finally {
            firstPass.countDown();
        }
    }

    /** Converges to the files. Runs on the worker thread only. */
    private void reconcile() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, KnownModule> modules = catalog.scan(problems);
        problems.forEach(p -> LOG.warn("deploy/: {}", p));
        Map<String, Boolean> explicit = stateFile.read();
        Map<String, ModuleDecisions.Decision> decisions = ModuleDecisions.decide(modules, explicit);

        Set<String> needed = new HashSet<>();
        for (KnownModule module : modules.values()) {
            if (decisions.get(module.id()).enabled() && !module.isDeployed()) {
                module.feature().bundles().forEach(fb -> needed.add(switcher.location(fb)));
            }
        }
        Map<String, Module> next = new TreeMap<>();
        // switch off first, so that an exclusive group never has two members running
        for (KnownModule module : modules.values()) {
            ModuleDecisions.Decision decision = decisions.get(module.id());
            if (!decision.enabled()) {
                next.put(module.id(), stop(module, needed, decision.reason()));
            }
        }
        for (KnownModule module : modules.values()) {
            if (decisions.get(module.id()).enabled()) {
                next.put(module.id(), start(module));
            }
        }
        removeVanishedPlugins(modules);
        known = modules;
        states = next;
    }

    private Module stop(KnownModule module, Set<String> needed, String reason) {
        Module previous = states.get(module.id());
        try {
            switcher.stop(module, needed);
            if (previous != null && previous.state() != ModuleState.DISABLED) {
                LOG.info("Module {} disabled", module.id());
            }
            return view(module, ModuleState.DISABLED, reason);
        } catch (Exception e) {
            LOG.error("Module {} could not be stopped", module.id(), e);
            return view(module, ModuleState.FAILED, "could not be stopped: " + e.getMessage());
        }
    }

    private Module start(KnownModule module) {
        Module previous = states.get(module.id());
        String configProblem = configs.deliver(module.feature(), switcher.jars(module));
        if (configProblem != null) {
            if (previous == null || !configProblem.equals(previous.reason())) {
                LOG.error("Module {} has unusable settings: {}", module.id(), configProblem);
            }
            return view(module, ModuleState.FAILED, configProblem);
        }
        if (module.isPlatform()) {
            return view(module, ModuleState.ENABLED, null);
        }
        long begin = System.nanoTime();
        try {
            switcher.start(module);
            if (previous == null || previous.state() != ModuleState.ENABLED) {
                LOG.info("Module {} enabled in {} ms", module.id(), (System.nanoTime() - begin) / 1_000_000);
            }
            return view(module, ModuleState.ENABLED, null);
        } catch (Exception e) {
            if (previous == null || previous.state() != ModuleState.FAILED) {
                LOG.error("Module {} failed to start: {}", module.id(), e.getMessage());
            }
            return view(module, ModuleState.FAILED, e.getMessage());
        }
    }

    private void removeVanishedPlugins(Map<String, KnownModule> modules) {
        Set<String> present = new HashSet<>();
        modules.values().stream().filter(KnownModule::isDeployed)
                .forEach(m -> present.add(ModuleSwitcher.location(m.deployJar())));
        for (String location : switcher.installedPluginLocations(deployDir)) {
            if (!present.contains(location)) {
                try {
                    switcher.uninstall(location);
                    LOG.info("Plugin {} removed from deploy/: uninstalled", location);
                } catch (Exception e) {
                    LOG.error("Plugin {} could not be uninstalled", location, e);
                }
            }
        }
    }

    private static Module view(KnownModule module, ModuleState state, String reason) {
        var f = module.feature();
        return new Module(f.moduleId(), f.name(), f.description(), f.category(), f.version(), state, reason,
                f.required(), f.exclusiveGroup(), module.isDeployed() ? "deploy" : "feature");
    }

    /** Names, sizes and modification times of every watched file: any edit changes it. */
    private String fingerprint() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Path dir : watchedDirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    if (Files.isRegularFile(f) && !f.getFileName().toString().startsWith(".")) {
                        sb.append(f).append(':').append(Files.size(f)).append(':')
                                .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    private void awaitFirstPass() {
        try {
            if (!firstPass.await(60, TimeUnit.SECONDS)) {
                throw new DomainException(DomainException.Kind.UNAVAILABLE, "Modules are still starting.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path dir(BundleContext context, String property, String fallback) {
        String value = context.getProperty(property);
        return Path.of(value == null ? fallback : value).toAbsolutePath().normalize();
    }
}
