/**
 * The audit log of security-relevant events.
 */
@Version("1.1.0")
@Export
package org.vitrine.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
