package org.vitrine.core.modules;

import org.vitrine.api.modules.Module;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A module as the REST API shows it: states in lower case, no reason when there is none. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModuleView(String id, String name, String description, String category, String version, String state,
                         String reason, boolean required, String exclusiveGroup, String source) {

    public static ModuleView of(Module m) {
        return new ModuleView(m.id(), m.name(), m.description(), m.category(), m.version(),
                m.state().name().toLowerCase(), m.reason(), m.required(), m.exclusiveGroup(), m.source());
    }
}
