package org.vitrine.store.mariadb.internal;

import org.apache.ibatis.annotations.Param;

/** Serving previews: each call is one indexed row of {@code previews} joined with its document's status. */
public interface PreviewMapper {

    PreviewEntryRow byBlobKey(@Param("blobKey") String blobKey);

    PreviewEntryRow of(@Param("documentId") long documentId, @Param("size") String size,
                       @Param("elementExternalId") String elementExternalId);
}
