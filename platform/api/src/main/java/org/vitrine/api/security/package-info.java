/**
 * Who is calling: callers, roles and the resolvers that recognise credentials.
 */
@Version("1.2.0")
@Export
package org.vitrine.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
