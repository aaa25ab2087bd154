package org.vitrine.api.modules;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The modules the platform knows and their states. Provided by the platform core; the one source of truth
 * behind it is the module state file in {@code config/}, which this registry edits.
 *
 * <p>Threading: all methods are thread-safe. Reads return quickly; {@link #setEnabled} blocks until the
 * platform has converged (bundles started or stopped), usually well under a second.
 */
@ProviderType
public interface ModuleRegistry {

    /** Every known module, sorted by id. */
    List<Module> list();

    Optional<Module> find(String id);

    /**
     * Switches a module on or off and waits until the platform has converged.
     *
     * @return the module's state afterwards (FAILED with a reason if a bundle would not start)
     * @throws org.vitrine.api.problem.DomainException NOT_FOUND for an unknown id, CONFLICT for a required
     *                                                 module being disabled
     */
    Module setEnabled(String id, boolean enabled);
}
