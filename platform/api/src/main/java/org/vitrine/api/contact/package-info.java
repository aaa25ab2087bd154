/**
 * Messages people send through the contact form: questions, privacy requests and the rest, kept for admins.
 */
@Version("1.0.0")
@Export
package org.vitrine.api.contact;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
