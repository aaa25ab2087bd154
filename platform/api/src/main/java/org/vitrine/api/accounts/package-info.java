/**
 * Accounts, their roles and second factors, as the metadata store keeps them; the tokens sent by e-mail to
 * verify an address, reset a password or change the address.
 */
@Version("1.2.0")
@Export
package org.vitrine.api.accounts;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
