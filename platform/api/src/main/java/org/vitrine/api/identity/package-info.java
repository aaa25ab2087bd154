/**
 * Identities at providers linked to accounts, and the provider tokens kept in sessions.
 */
@Version("1.1.0")
@Export
package org.vitrine.api.identity;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
