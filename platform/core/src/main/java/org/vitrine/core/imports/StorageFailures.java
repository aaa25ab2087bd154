package org.vitrine.core.imports;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.Locale;

/**
 * What people are told when the blob storage refuses a write. The exception's own text names server paths and
 * system errors ("/srv/vitrine/data/blobs/dd: Read-only file system"), which belong in the log only: this says
 * in plain words what went wrong and what happens next, and never quotes the exception.
 */
final class StorageFailures {

    private StorageFailures() {
    }

    /** The reason shown on an import item whose preview could not be stored. */
    static String previewNotStored(IOException failure) {
        return "Vitrine could not store the previews of this document because " + cause(failure)
                + "; the administrator can see why in the server log. Choose \"Retry failed\" once the storage is fixed.";
    }

    /** The likely cause in plain words, guessed from the kind of failure; never the exception's text. */
    static String cause(IOException failure) {
        String text = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("no space left") || text.contains("quota")) {
            return "its storage is full";
        }
        if (text.contains("read-only") || failure instanceof AccessDeniedException) {
            return "its storage cannot be written to (read-only or not permitted)";
        }
        return "its storage could not be written to";
    }
}
