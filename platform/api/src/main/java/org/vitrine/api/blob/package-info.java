/**
 * Storage of binary content (previews, uploaded files) addressed by keys the platform derives.
 */
@Version("1.0.0")
@Export
package org.vitrine.api.blob;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
