package org.vitrine.api.modules;

import java.util.Objects;

/**
 * A module as an admin sees it.
 *
 * @param id             stable identifier, e.g. {@code store-mariadb}
 * @param name           display name
 * @param description    one or two sentences for the admin
 * @param category       {@code core}, {@code cad}, {@code auth}, {@code storage}, {@code consent}, or {@code plugin}
 * @param version        the module's version
 * @param state          what it is doing now
 * @param reason         why it failed or why it is in this state; {@code null} when there is nothing to say
 * @param required       required modules cannot be disabled
 * @param exclusiveGroup modules sharing a group replace each other when one is enabled; {@code null} for none
 * @param source         {@code feature} for modules described in {@code features/}, {@code deploy} for plugin jars
 */
public record Module(String id, String name, String description, String category, String version,
                     ModuleState state, String reason, boolean required, String exclusiveGroup, String source) {
    public Module {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
    }
}
