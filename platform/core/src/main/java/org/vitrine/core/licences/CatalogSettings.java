package org.vitrine.core.licences;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Catalog settings, from {@code config/platform.properties} (the platform's settings, delivered to the PID
 * {@value Licences#PID}); they apply while Vitrine runs.
 */
@ObjectClassDefinition(name = "Vitrine catalog", description = "Settings of the public catalog")
@interface CatalogSettings {

    @AttributeDefinition(name = "Default licence",
            description = "SPDX licence id given to newly imported documents; the importer can change it per document")
    String catalog_default_licence() default Licences.FALLBACK;
}
