package org.vitrine.features;

import java.util.List;
import java.util.Map;

/**
 * A module as described by one OSGi Feature JSON file in {@code features/}, with Vitrine's metadata from
 * the feature's {@code vitrine} extension.
 *
 * @param moduleId         short stable id, e.g. {@code store-mariadb}
 * @param name             display name
 * @param description      for the admin
 * @param version          the feature's version
 * @param category         core, cad, auth, storage, consent or plugin
 * @param required         cannot be disabled
 * @param exclusiveGroup   enabling one module of the group disables the others; null for none
 * @param enabledByDefault state when the state file does not mention the module
 * @param configPid        the ConfigAdmin PID that the module's settings file is delivered to; may be null
 * @param configFile       the settings file's name in {@code config/} without {@code .properties}: the module id
 *                         unless modules share one file (e.g. both Onshape modules read {@code onshape.properties})
 * @param bundles          bundles in install order
 * @param configurations   default configurations by PID ({@code factoryPid~name} for factory configurations)
 */
public record Feature(String moduleId, String name, String description, String version, String category,
                      boolean required, String exclusiveGroup, boolean enabledByDefault, String configPid,
                      String configFile, List<FeatureBundle> bundles, Map<String, Map<String, Object>> configurations) {

    /** The id of the feature that holds the platform kernel, which the launcher starts. */
    public static final String PLATFORM = "platform";

    public Feature {
        bundles = List.copyOf(bundles);
        configurations = Map.copyOf(configurations);
    }
}
