/**
 * Consent: the {@link org.vitrine.api.consent.ConsentPolicy} extension point that a consent module provides
 * (its purposes, version and treatment of browser signals), the append-only {@link
 * org.vitrine.api.consent.ConsentLedger} that the metadata store keeps, and the {@link
 * org.vitrine.api.consent.ConsentService} that every other part of Vitrine asks before non-essential processing.
 */
@Version("1.0.0")
@Export
package org.vitrine.api.consent;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
