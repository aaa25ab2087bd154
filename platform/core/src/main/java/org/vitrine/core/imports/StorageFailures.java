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

    /** Why an import is paused when a preview could not be stored (short: it is a job's reason, 255 characters at most). */
    static String previewNotStored(IOException failure) {
        return "Vitrine cannot store previews: " + cause(failure) + " (the administrator sees why in the server log).";
    }

    /** The likely cause in plain words, guessed from the kind of failure; never the exception's text. */
    static String cause(IOException failure) {
        String text = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("no space left") || text.contains("quota")) {
            return "its storage is full";
        }
        if (text.contains("read-only")) {
            return "its storage is read-only";
        }
        if (failure instanceof AccessDeniedException) {
            return "its storage does not let it write";
        }
        return "its storage cannot be written to";
    }
}
