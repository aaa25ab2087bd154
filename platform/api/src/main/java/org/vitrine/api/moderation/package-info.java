/**
 * Moderation: reports about published documents and the queue moderators work through.
 */
@Version("1.0.0")
@Export
package org.vitrine.api.moderation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
