/**
 * Sealing secrets at rest and keyed hashing of single-use codes.
 */
@Version("1.0.0")
@Export
package org.vitrine.api.crypto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
