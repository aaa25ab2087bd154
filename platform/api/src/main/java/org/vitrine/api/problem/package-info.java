/**
 * Domain errors: values callers can act on, mapped once to HTTP problem responses.
 */
@Version("1.1.0")
@Export
package org.vitrine.api.problem;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
