package org.vitrine.blobs.fs.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the filesystem blob store, from {@code config/blobs-fs.properties}; edits apply while Vitrine runs. */
@ObjectClassDefinition(name = "Filesystem blob store", description = "Where previews and files are kept, and when health warns about space")
@interface BlobSettings {

    @AttributeDefinition(name = "Least free space (MB)", description = "Health reports the blob store DEGRADED when the "
            + "disk holding data/blobs has less free space than this (0: never)")
    long health_free_space_min_mb() default 1024;
}
