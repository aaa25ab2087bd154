package org.vitrine.api.privacy;

import java.util.List;

import org.vitrine.api.blob.BlobKey;

/**
 * What erasing an account did, for the caller to finish the job outside the database.
 *
 * @param disabledDocuments how many documents the account had imported and are now taken down
 * @param exportBlobs       the archives of the account's data exports, to remove from the blob store
 */
public record ErasedAccount(int disabledDocuments, List<BlobKey> exportBlobs) {
    public ErasedAccount {
        exportBlobs = List.copyOf(exportBlobs);
    }
}
