/**
 * Network addresses in settings: which peers are trusted reverse proxies.
 */
@Version("1.0.0")
@Export
package org.vitrine.api.net;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
