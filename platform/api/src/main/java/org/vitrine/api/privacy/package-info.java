/**
 * The rights of the person: the archive of their personal data ({@link org.vitrine.api.privacy.DataExportStore}),
 * the erasure of their account ({@link org.vitrine.api.privacy.PersonalDataStore} for the metadata store,
 * {@link org.vitrine.api.privacy.PersonalDataHolder} for what modules keep elsewhere), and the proof that the
 * person asking is the account's owner ({@link org.vitrine.api.privacy.OwnerConfirmation}).
 */
@Version("1.1.0")
@Export
package org.vitrine.api.privacy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
