/**
 * Accounts, their roles and second factors, as the metadata store keeps them.
 */
@Version("1.1.0")
@Export
package org.vitrine.api.accounts;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
