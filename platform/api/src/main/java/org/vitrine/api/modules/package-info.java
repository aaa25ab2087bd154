/**
 * Modules: the units an admin switches on and off while the platform runs.
 */
@Version("1.0.0")
@Export
package org.vitrine.api.modules;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
