/**
 * Server-side sessions: kept in memory only, never persisted.
 */
@Version("1.1.0")
@Export
package org.vitrine.api.session;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
