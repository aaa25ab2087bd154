/**
 * Published documents as the metadata store keeps them, and
 * the designers credited on them.
 */
@Version("2.1.0")
@Export
package org.vitrine.api.documents;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
