/**
 * Rate limits against brute force and floods.
 */
@Version("1.0.0")
@Export
package org.vitrine.api.ratelimit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
