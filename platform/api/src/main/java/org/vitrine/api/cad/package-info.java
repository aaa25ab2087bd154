/**
 * CAD providers: modules that recognise a provider's document URLs, list a person's documents and fetch documents with their previews.
 */
@Version("1.1.0")
@Export
package org.vitrine.api.cad;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
