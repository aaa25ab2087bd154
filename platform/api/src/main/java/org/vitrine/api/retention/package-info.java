/**
 * Retention of client addresses: the stored addresses older than the retention period, and their replacement
 * by anonymised ones; and what modules keep for a limited time ({@link org.vitrine.api.retention.ExpiringData}).
 */
@Version("1.1.0")
@Export
package org.vitrine.api.retention;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
