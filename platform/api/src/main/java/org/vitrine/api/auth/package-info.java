/**
 * Ways to sign in: each enabled module contributes an AuthMethod.
 */
@Version("1.1.0")
@Export
package org.vitrine.api.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
