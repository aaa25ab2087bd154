/**
 * Health probes: modules contribute checks that make up {@code GET /api/health}.
 */
@Version("1.1.0")
@Export
package org.vitrine.api.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
