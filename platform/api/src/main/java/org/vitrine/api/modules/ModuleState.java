package org.vitrine.api.modules;

/** Whether a module is serving. */
public enum ModuleState {
    /** Its bundles are active. */
    ENABLED,
    /** Switched off by an admin (or off by default); its bundles are stopped. */
    DISABLED,
    /** Switched on, but a bundle could not be installed or started; see {@link Module#reason()}. */
    FAILED
}
