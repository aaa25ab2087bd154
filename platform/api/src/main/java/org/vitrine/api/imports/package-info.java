/**
 * Import jobs: the background work of bringing documents in from a provider.
 */
@Version("1.4.0")
@Export
package org.vitrine.api.imports;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
